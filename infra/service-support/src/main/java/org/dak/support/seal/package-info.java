/**
 * Secrets sealed for the one service that may read them, so they can travel on topics.
 */
package org.dak.support.seal;
