/**
 * The case of each item: its status under the lifecycle state machine, and its timeline
 * built from every event, ordered and de-duplicated. Departments read their queue and
 * post status here.
 */
package org.dak.tracking.timeline;
