/**
 * The SSPR policy: who may reset (none, all, or members of groups), with which methods and how
 * many. Calls {@code directory} (group membership) and {@code audit}.
 */
package org.opensspr.policy;
