/**
 * {@code sspr-agent}, the logon-screen client of OpenSSPR: plain Java with no Spring, on every
 * device, before anyone signs in. It may call the {@code readiness} module, picocli and Jackson,
 * nothing of the server. This package holds what every part shares: the one failure type
 * ({@link org.opensspr.agent.AgentException}), the one table of exit codes
 * ({@link org.opensspr.agent.ExitCode}), the log that never holds a secret
 * ({@link org.opensspr.agent.AgentLog}) and plain-value JSON ({@link org.opensspr.agent.Json}).
 * The parts, each its own package: {@code cli} (the commands), {@code device} (the state
 * directory, the one reader of the device's files), {@code server} (the one HTTP client),
 * {@code registry} ({@code .reg} exports and {@code reg query}), {@code logon} (the reset dialogue,
 * its terminals and the broker) and {@code linux} (the Linux sign-in setup).
 */
package org.opensspr.agent;
