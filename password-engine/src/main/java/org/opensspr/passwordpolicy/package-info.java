/**
 * The password-policy engine: what makes a password weak (too short, banned terms at edit
 * distance 1 by Azure's algorithm, the user's own context, breached), fast enough for every
 * keystroke and with no framework, so the server, the benchmarks and later the agent share it.
 */
package org.opensspr.passwordpolicy;
