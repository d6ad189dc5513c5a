/**
 * The state of the whole system for the IT manager, as the gateway sees it: each service
 * and what it depends on, its backlogs and dead letters.
 */
package org.dak.gateway.health;
