/**
 * What the servlet services and the reactive gateway share, free of either web stack: the
 * roles, problem documents, and how tokens are checked and keys are read.
 */
package org.dak.platform;
