/**
 * Reset from the sign-in screen: the dialogue ({@link org.opensspr.agent.logon.LogonDialogue}),
 * the terminals it talks through, and the root-owned broker that gives the locked-down
 * {@code reset} account its logon sessions without the device secret.
 */
package org.opensspr.agent.logon;
