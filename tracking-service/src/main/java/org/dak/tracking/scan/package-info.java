/**
 * Opening an item from a photo or scan of its receipt or cover sheet: the QR code is read
 * (ZXing) and the item opened for the signed-in officer.
 */
package org.dak.tracking.scan;
