package org.opensspr.passwordpolicy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Checks a new password. Length is counted in Unicode code points after NFKC normalisation, so
 * that a password typed on one keyboard counts the same as on another.
 */
@Component
public class PasswordPolicy {

    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 256;

    /** The violations of {@code password}; empty when it is accepted. */
    public List<Violation> evaluate(String password) {
        List<Violation> violations = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            violations.add(new Violation("password-empty", "Enter a new password."));
            return violations;
        }
        String normalized = Normalizer.normalize(password, Normalizer.Form.NFKC);
        int length = normalized.codePointCount(0, normalized.length());
        if (length < MIN_LENGTH) {
            violations.add(new Violation("password-too-short", "Use at least " + MIN_LENGTH + " characters."));
        }
        if (length > MAX_LENGTH) {
            violations.add(new Violation("password-too-long", "Use at most " + MAX_LENGTH + " characters."));
        }
        if (normalized.codePoints().anyMatch(Character::isISOControl)) {
            violations.add(new Violation("password-control-character", "Use only characters you can type; no control characters."));
        }
        return violations;
    }
}
