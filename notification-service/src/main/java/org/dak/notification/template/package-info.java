/**
 * Message templates as configuration: one per event and audience, Hindi and English, with
 * named placeholders, the operators' registered (TRAI DLT) template IDs, and SMS length
 * counted the way operators bill it. Checked at start-up, so a bad template stops the
 * service instead of a send.
 */
package org.dak.notification.template;
