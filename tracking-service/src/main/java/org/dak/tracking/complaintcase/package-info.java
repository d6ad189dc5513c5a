/**
 * The case of each item, as tracking owns it: the aggregate ({@code ComplaintCase}) with
 * its status under the lifecycle ({@code ItemStatus}), its timeline entries and working
 * steps, its deadline state, and the outbox of what it announces; the messages sent about
 * it; the facts the read models count. Depends on no other feature but the deadline
 * rules.
 */
package org.dak.tracking.complaintcase;
