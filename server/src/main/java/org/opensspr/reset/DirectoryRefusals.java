package org.opensspr.reset;

import java.util.Locale;
import org.opensspr.directory.DirectoryRejectedPasswordException;
import org.opensspr.passwordpolicy.PasswordMessages;
import org.opensspr.passwordpolicy.Violation;

/**
 * The violation a user sees when the directory's own policy refuses a password that passed ours:
 * the same codes as our policy where the rule is the same ({@code password-too-short},
 * {@code password-reused}), {@code password-too-young}, {@code password-directory-policy} for a
 * complexity refusal (or Active Directory's, which names no rule), and {@code directory-rejected}
 * with the directory's own words when it named no rule we know.
 */
final class DirectoryRefusals {

    private DirectoryRefusals() {}

    static Violation violation(DirectoryRejectedPasswordException refusal, Locale locale) {
        return switch (refusal.reason()) {
            case TOO_SHORT ->
                new Violation("password-too-short", PasswordMessages.message("directory-too-short", locale));
            case IN_HISTORY -> PasswordMessages.violation("password-reused", locale);
            case TOO_YOUNG -> PasswordMessages.violation("password-too-young", locale);
            case QUALITY -> PasswordMessages.violation("password-directory-policy", locale);
            case OTHER ->
                new Violation(
                        "directory-rejected",
                        PasswordMessages.message("directory-rejected", locale, refusal.getMessage()));
        };
    }
}
