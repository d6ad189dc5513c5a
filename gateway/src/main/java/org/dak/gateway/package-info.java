/**
 * The single public entry: routing, identity, access rules, abuse limits and the audit
 * trail.
 */
package org.dak.gateway;
