package org.opensspr.reset;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sspr.password-check.*}: the budget of the strength meter's password checks
 * ({@link PasswordChecks}). {@code per-minute} (60) checks a minute, and {@code total} (600) in all,
 * per reset flow (a flow lives 15 minutes) or per signed-in user (in 24 hours, however many sessions).
 * A check can cost up to one Argon2id verification per remembered password (the history), so the
 * budget is what bounds the CPU one user can spend on checks.
 */
@ConfigurationProperties("sspr.password-check")
public record PasswordCheckProperties(Integer perMinute, Integer total) {

    public PasswordCheckProperties {
        perMinute = perMinute == null ? 60 : perMinute;
        total = total == null ? 600 : total;
        if (perMinute < 1 || perMinute > 10_000) {
            throw new IllegalArgumentException("sspr.password-check.per-minute must be 1-10000, got " + perMinute);
        }
        if (total < perMinute || total > 100_000) {
            throw new IllegalArgumentException("sspr.password-check.total must be between per-minute (" + perMinute
                    + ") and 100000, got " + total);
        }
    }
}
