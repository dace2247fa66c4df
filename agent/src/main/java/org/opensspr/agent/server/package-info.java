/**
 * The one client of the server's REST API ({@link org.opensspr.agent.server.ServerClient}): one set
 * of rules for TLS, proxies, redirects and server addresses, for every command and the sign-in screen.
 */
package org.opensspr.agent.server;
