/**
 * Readiness for password reset from the sign-in screen: the rules of docs/architecture.md (5.10), with their stable
 * ids, as one evaluator ({@link ReadinessRules}) over what a device reports ({@link DeviceState}).
 * Plain Java with no dependencies: the server judges inventories with it and the agent's
 * {@code check} command runs the same rules on the device.
 */
package org.opensspr.readiness;
