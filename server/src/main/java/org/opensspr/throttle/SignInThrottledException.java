package org.opensspr.throttle;

import java.time.Duration;

/**
 * A password check refused before it reached the directory: the login or the source address
 * failed too often ({@link SignInThrottle}). Callers answer {@code 429} with
 * {@code Retry-After: }{@link #retryAfterSeconds()}. Says nothing about whether the login exists.
 */
public final class SignInThrottledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    SignInThrottledException(Duration retryAfter) {
        super("Too many failed sign-ins; retry after " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, rounded up, at least 1: the {@code Retry-After} header's value. */
    public long retryAfterSeconds() {
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    /** Whole minutes, rounded up, at least 1: what a page tells the user. */
    public long retryAfterMinutes() {
        return Math.max(1, (retryAfterSeconds() + 59) / 60);
    }
}
