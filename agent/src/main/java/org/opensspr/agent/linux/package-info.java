/**
 * What a Linux device needs for reset at its sign-in screen: the {@code reset} account, the
 * broker's unit and the sshd rule ({@link org.opensspr.agent.linux.LinuxSignIn}), and the Linux-only
 * readiness check ({@link org.opensspr.agent.linux.LinuxLogin}).
 */
package org.opensspr.agent.linux;
