package org.opensspr.passwordpolicy;

/**
 * The seam for breached-password checking (NIST SP 800-63B 5.1.1.2: refuse passwords "obtained
 * from previous breach corpuses"). {@link PasswordRules} asks it only when a password has passed
 * every other rule and the settings turn the check on, so it sees each candidate password once per
 * evaluation, on every keystroke of the strength meter: an implementation must answer in well
 * under a millisecond, must not log or keep the password, and must not send it anywhere in the
 * clear (a remote service is asked with a hash prefix, k-anonymity style).
 */
public interface BreachedPasswords {

    /**
     * Whether {@code password} (exactly as the user typed it, not normalised) is in a breach corpus.
     * Never called with null. An implementation that cannot answer (corpus missing, service down)
     * returns false, so that an outage never blocks resets; it may say so in its own log.
     */
    boolean contains(String password);
}
