/**
 * The read models kept beside the cases, so that nothing per request, per event or on a
 * timer reads the archive: the working set of cases still at a department
 * ({@code LiveCases}), the open items counted by department and day ({@code OpenItems}),
 * and the callbacks that keep them up to date as each case is saved
 * ({@code CaseReadModels}), rebuilt from the cases when they are missing.
 */
package org.dak.tracking.readmodel;
