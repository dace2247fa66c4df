/**
 * {@code sspr-agent}, the logon-screen client: picocli commands ({@code join}, {@code sync},
 * {@code check}, {@code logging}), the {@code .reg} export reader ({@link org.opensspr.agent.RegReader}),
 * the device side of the REST API ({@code ServerClient}, java.net.http, TLS 1.2+) and the state
 * directory. Plain Java with no Spring; it may call the {@code readiness} module and picocli, nothing
 * of the server. It logs (java.util.logging, only when verbose) and prints nothing that is secret.
 */
package org.opensspr.agent;
