/**
 * E-mail (and fax-to-mail) intake: mailboxes polled over IMAP, each new message an item,
 * taken exactly once by its Message-ID.
 */
package org.dak.intake.mailbox;
