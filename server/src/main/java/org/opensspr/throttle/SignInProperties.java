package org.opensspr.throttle;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sspr.sign-in.*}: how many wrong passwords a login ({@code login-failures}, default
 * {@value #DEFAULT_LOGIN_FAILURES}) and a source address ({@code source-failures}, default
 * {@value #DEFAULT_SOURCE_FAILURES}) may have within {@code window} (default 24 h, at most 24 h)
 * before every further attempt waits: {@code first-wait} (default 5 min) after the last failure,
 * doubled with each further failure, at most {@code longest-wait} (default 1 h). The login limit
 * is set below the directory's own lockout threshold (OpenLDAP ppolicy {@code pwdMaxFailure}, the
 * Active Directory account lockout threshold), so strangers cannot lock a directory account
 * through this server; docs/directories.md works out the numbers.
 */
@ConfigurationProperties("sspr.sign-in")
public record SignInProperties(
        Integer loginFailures, Integer sourceFailures, Duration firstWait, Duration longestWait, Duration window) {

    static final int DEFAULT_LOGIN_FAILURES = 2;
    static final int DEFAULT_SOURCE_FAILURES = 100;

    public SignInProperties {
        loginFailures = loginFailures == null ? DEFAULT_LOGIN_FAILURES : loginFailures;
        sourceFailures = sourceFailures == null ? DEFAULT_SOURCE_FAILURES : sourceFailures;
        firstWait = firstWait == null ? Duration.ofMinutes(5) : firstWait;
        longestWait = longestWait == null ? Duration.ofHours(1) : longestWait;
        window = window == null ? Throttle.LONGEST_WINDOW : window;
        if (loginFailures < 1 || loginFailures > 1000) {
            throw new IllegalArgumentException("sspr.sign-in.login-failures must be 1-1000, got " + loginFailures);
        }
        if (sourceFailures < 1 || sourceFailures > 100_000) {
            throw new IllegalArgumentException("sspr.sign-in.source-failures must be 1-100000, got " + sourceFailures);
        }
        if (firstWait.isNegative() || firstWait.isZero() || firstWait.compareTo(longestWait) > 0) {
            throw new IllegalArgumentException(
                    "sspr.sign-in.first-wait must be positive and at most longest-wait, got " + firstWait);
        }
        if (longestWait.compareTo(Throttle.LONGEST_WINDOW) > 0) {
            throw new IllegalArgumentException("sspr.sign-in.longest-wait must be at most 24h, got " + longestWait);
        }
        if (window.compareTo(longestWait) < 0 || window.compareTo(Throttle.LONGEST_WINDOW) > 0) {
            throw new IllegalArgumentException(
                    "sspr.sign-in.window must be between longest-wait and 24h, got " + window);
        }
    }

    /** The defaults. */
    public static SignInProperties defaults() {
        return new SignInProperties(null, null, null, null, null);
    }
}
