/**
 * What the IT manager's health page needs from each service beyond its health checks and
 * metrics: the last error it logged.
 */
package org.dak.support.operations;
