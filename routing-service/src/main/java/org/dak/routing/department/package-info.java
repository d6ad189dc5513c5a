/**
 * Departments and office heads items can be marked to: master data seeded from
 * configuration.
 */
package org.dak.routing.department;
