/**
 * Public tracking: an applicant opens their item with its receipt number and access code
 * (typed, or from the QR code on the receipt) and sees its status and steps with personal
 * details masked. A wrong code, an unknown number and a malformed number answer alike.
 */
package org.dak.tracking.publictrack;
