package org.opensspr.console;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.opensspr.passwordpolicy.PasswordSettings;

/** The password policy page's form as posted; an unticked box is absent, so false; banned terms one per line. */
record PasswordPolicyForm(
        String version,
        Integer minLength,
        Integer maxLength,
        String customBannedTerms,
        Boolean enforceCustomList,
        Boolean requireThreeClasses,
        Boolean checkBreached,
        Integer historySize) {

    static PasswordPolicyForm of(PasswordSettings settings, String version) {
        return new PasswordPolicyForm(
                version,
                settings.minLength(),
                settings.maxLength(),
                String.join("\n", settings.customBannedTerms()),
                settings.enforceCustomList(),
                settings.requireThreeClasses(),
                settings.checkBreached(),
                settings.historySize());
    }

    /**
     * The first of this form's values the password policy would refuse, as a message key of the
     * console's ({@code console.passwordPolicy.invalid.*}) and the field it is about, so the page
     * can say it in the admin's language; the policy's own check stays the one that decides.
     */
    Optional<Refusal> refusal() {
        if (minLength == null
                || minLength < PasswordSettings.LOWEST_MIN_LENGTH
                || minLength > PasswordSettings.HIGHEST_MIN_LENGTH) {
            return Optional.of(new Refusal("console.passwordPolicy.invalid.minLength", "minLength"));
        }
        if (maxLength == null
                || maxLength < PasswordSettings.LOWEST_MAX_LENGTH
                || maxLength > PasswordSettings.HIGHEST_MAX_LENGTH
                || maxLength < minLength) {
            return Optional.of(new Refusal("console.passwordPolicy.invalid.maxLength", "maxLength"));
        }
        List<String> terms = terms();
        if (terms.size() > PasswordSettings.MAX_CUSTOM_TERMS
                || terms.stream()
                        .anyMatch(term -> term.codePointCount(0, term.length())
                                        < PasswordSettings.MIN_CUSTOM_TERM_LENGTH
                                || term.codePointCount(0, term.length()) > PasswordSettings.MAX_CUSTOM_TERM_LENGTH)) {
            return Optional.of(new Refusal("console.passwordPolicy.invalid.terms", "customBannedTerms"));
        }
        if (historySize == null || historySize < 0 || historySize > PasswordSettings.MAX_HISTORY) {
            return Optional.of(new Refusal("console.passwordPolicy.invalid.history", "historySize"));
        }
        return Optional.empty();
    }

    /** The settings this form describes; call after {@link #refusal()} found none. */
    PasswordSettings settings() {
        return new PasswordSettings(
                minLength,
                maxLength,
                terms(),
                Boolean.TRUE.equals(enforceCustomList),
                Boolean.TRUE.equals(requireThreeClasses),
                Boolean.TRUE.equals(checkBreached),
                historySize);
    }

    private List<String> terms() {
        return customBannedTerms == null
                ? List.of()
                : Arrays.stream(customBannedTerms.split("\\R"))
                        .map(String::strip)
                        .filter(term -> !term.isEmpty())
                        .toList();
    }

    /** A value the policy would refuse: the text's key and the field. */
    record Refusal(String key, String field) {}
}
