/**
 * Devices and the logon screen: join tokens and joined devices (credential {@code deviceId:deviceSecret}),
 * device groups, configuration profiles of OMA-URI settings and their merge, inventories judged
 * by the readiness rules ({@code sspr-readiness}), and logon sessions, the temporary identity of a
 * sign-in screen that may run one reset flow. Every token and secret is stored as its SHA-256 only.
 * Calls {@code audit}, {@code secrets}, {@code system} and the readiness library; {@code web}
 * authenticates devices and logon sessions through this package, and {@code reset} ties a logon
 * session to its flow.
 */
package org.opensspr.devices;
