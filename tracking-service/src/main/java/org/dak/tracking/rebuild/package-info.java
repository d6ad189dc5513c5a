/**
 * Making the cases again from the topics ({@code RebuildFromTheTopics}:
 * {@code dak rebuild
 * tracking}, after a lost database or a fault that wrote wrong cases), and knowing
 * whether other instances run meanwhile ({@code RunningInstances}).
 */
package org.dak.tracking.rebuild;
