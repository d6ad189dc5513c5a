/**
 * The DM's marking inbox: every received item waits here until it is marked to a
 * department, and comes back when a department returns it.
 */
package org.dak.routing.inbox;
