/**
 * The password policy a new password must pass before it is written to the directory. For now
 * length only (NIST SP 800-63B: at least 8, at least 64 allowed); banned and breached passwords
 * come with the password-policy issue. Calls no feature.
 */
package org.opensspr.passwordpolicy;
