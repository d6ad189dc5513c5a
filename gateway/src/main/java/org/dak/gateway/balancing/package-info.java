/**
 * Where each service's instances are: the routes, the health page and the API document
 * all read the same list, and the routes balance over the instances that answer their
 * health check.
 */
package org.dak.gateway.balancing;
