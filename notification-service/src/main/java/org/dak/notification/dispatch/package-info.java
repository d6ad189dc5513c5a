/**
 * Which messages each event produces, for whom and in which language; sending each one
 * once; and the log of every notification with its outcome.
 */
package org.dak.notification.dispatch;
