package org.opensspr.enrollment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sspr.step-up.*}: how long a proof of identity lets a signed-in user change their security
 * info ({@code valid-for}, 10 minutes by default, 1-60 minutes). A proof is a code from a method
 * already on file, or, for a user with none, the password typed again; signing in alone is no
 * proof, so a session left open or stolen cannot add an attacker's address (issue 11).
 */
@ConfigurationProperties("sspr.step-up")
public record StepUpProperties(Duration validFor) {

    public StepUpProperties {
        validFor = validFor == null ? Duration.ofMinutes(10) : validFor;
        if (validFor.compareTo(Duration.ofMinutes(1)) < 0 || validFor.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("sspr.step-up.valid-for must be 1-60 minutes, got " + validFor);
        }
    }
}
