/**
 * How an applicant names their item: the receipt number with its check character and the
 * access code. Intake issues them; tracking checks them.
 */
package org.dak.items.identity;
