/**
 * Webhooks for other software: an administrator registers a subscriber (a URL, the event
 * types and departments it wants); each matching event is kept as a delivery, POSTed as a
 * signed CloudEvent (Standard Webhooks signature), retried with back-off for a bounded
 * time, logged, and can be sent again. Only what any role may see of an item travels:
 * IDs, statuses, departments and dates, never an applicant's name, contact or words.
 */
package org.dak.notification.webhook;
