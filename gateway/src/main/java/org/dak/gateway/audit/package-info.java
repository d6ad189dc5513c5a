/**
 * The audit trail: who did what, when and from where, for every state-changing call and
 * every sign-in attempt. Written once, read by the auditor; there is no way to change or
 * delete an entry through the system.
 */
package org.dak.gateway.audit;
