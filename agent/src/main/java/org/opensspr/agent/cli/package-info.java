/**
 * The picocli commands ({@code join}, {@code sync}, {@code check}, {@code logging}, {@code logon},
 * {@code broker}, {@code install}, {@code uninstall}): options, output and exit codes only; what
 * they do lives in the other packages, so that the sign-in screen and the commands share it.
 */
package org.opensspr.agent.cli;
