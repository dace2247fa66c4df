package org.opensspr.passwordpolicy;

import java.util.List;

/**
 * The policy's verdict on a password before it is set: the {@code violations} the password step
 * would report (empty: accepted) and the meter's {@code strength}, 0 (empty) to 4 (strong), which is
 * at most 1 while there is a violation ({@link PasswordRules#strength}).
 */
public record PasswordAssessment(List<Violation> violations, int strength) {

    public PasswordAssessment {
        violations = List.copyOf(violations);
    }

    public boolean accepted() {
        return violations.isEmpty();
    }
}
