/**
 * Tracking's copy of the department master data (from {@code department-changed}): which
 * offices lie below each department, so an item can be forwarded to one.
 */
package org.dak.tracking.department;
