/**
 * The device's own state: the state directory (credential, cached configuration, settings, log),
 * read and written only through {@link org.opensspr.agent.device.StateDir}, and what the device
 * looks like to the readiness rules ({@link org.opensspr.agent.device.LocalDevice}).
 */
package org.opensspr.agent.device;
