package org.opensspr.passwordpolicy;

import java.util.ArrayList;
import java.util.List;

/**
 * What an administrator may change in the password policy; valid once constructed.
 *
 * @param minLength           fewest characters (code points after NFKC), 8 to 64; NIST SP 800-63B asks for at least 8
 * @param maxLength           most characters, 64 to 1024 and not below {@code minLength}; NIST asks to allow at least 64
 * @param customBannedTerms   the organisation's own banned terms: at most 1000, each 4 to 16 characters;
 *                            null is none; blanks are dropped and the rest stripped of surrounding spaces
 * @param enforceCustomList   whether {@code customBannedTerms} count (Azure's "Enforce custom list")
 * @param requireThreeClasses whether a password needs three of: capital letters, small letters, digits,
 *                            other characters (off by default: NIST advises against composition rules)
 * @param checkBreached       whether the {@link BreachedPasswords} seam is asked
 * @param historySize         how many of the user's last passwords cannot be used again, 0 (off) to 24; the
 *                            server keeps them as Argon2id hashes
 */
public record PasswordSettings(
        int minLength,
        int maxLength,
        List<String> customBannedTerms,
        boolean enforceCustomList,
        boolean requireThreeClasses,
        boolean checkBreached,
        int historySize) {

    public static final int DEFAULT_MIN_LENGTH = 8;
    public static final int DEFAULT_MAX_LENGTH = 256;
    public static final int LOWEST_MIN_LENGTH = 8;
    public static final int HIGHEST_MIN_LENGTH = 64;
    public static final int LOWEST_MAX_LENGTH = 64;
    public static final int HIGHEST_MAX_LENGTH = 1024;
    public static final int MAX_CUSTOM_TERMS = 1000;
    public static final int MIN_CUSTOM_TERM_LENGTH = 4;
    public static final int MAX_CUSTOM_TERM_LENGTH = 16;
    public static final int MAX_HISTORY = 24;

    /**
     * @throws IllegalArgumentException naming every setting that is out of range, in one message
     */
    public PasswordSettings {
        List<String> terms = usable(customBannedTerms);
        List<String> problems = problems(minLength, maxLength, terms);
        if (historySize < 0 || historySize > MAX_HISTORY) {
            problems.add("historySize must be between 0 (off) and " + MAX_HISTORY + "; it is " + historySize + ".");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems));
        }
        customBannedTerms = List.copyOf(terms);
    }

    /** Without a password history. */
    public PasswordSettings(
            int minLength,
            int maxLength,
            List<String> customBannedTerms,
            boolean enforceCustomList,
            boolean requireThreeClasses,
            boolean checkBreached) {
        this(minLength, maxLength, customBannedTerms, enforceCustomList, requireThreeClasses, checkBreached, 0);
    }

    /** NIST's defaults: 8 to 256 characters, no custom list, no composition rule, breached check on. */
    public static PasswordSettings defaults() {
        return new PasswordSettings(DEFAULT_MIN_LENGTH, DEFAULT_MAX_LENGTH, List.of(), false, false, true);
    }

    /** These settings with another custom list, enforced. */
    public PasswordSettings withCustomBannedTerms(List<String> terms) {
        return new PasswordSettings(minLength, maxLength, terms, true, requireThreeClasses, checkBreached, historySize);
    }

    /**
     * What is wrong with these values, one English sentence each (the first ten wrong terms by name);
     * empty when they are valid. Null and blank terms are ignored, as the constructor drops them.
     * The admin API can show these before it saves anything.
     */
    public static List<String> problems(int minLength, int maxLength, List<String> customBannedTerms) {
        List<String> problems = new ArrayList<>();
        if (minLength < LOWEST_MIN_LENGTH || minLength > HIGHEST_MIN_LENGTH) {
            problems.add("minLength must be between " + LOWEST_MIN_LENGTH + " and " + HIGHEST_MIN_LENGTH
                    + " (NIST SP 800-63B: at least 8); it is " + minLength + ".");
        }
        if (maxLength < LOWEST_MAX_LENGTH || maxLength > HIGHEST_MAX_LENGTH) {
            problems.add("maxLength must be between " + LOWEST_MAX_LENGTH + " and " + HIGHEST_MAX_LENGTH
                    + " (NIST SP 800-63B: allow at least 64); it is " + maxLength + ".");
        }
        if (maxLength < minLength) {
            problems.add("maxLength (" + maxLength + ") cannot be below minLength (" + minLength + ").");
        }
        List<String> terms = usable(customBannedTerms);
        if (terms.size() > MAX_CUSTOM_TERMS) {
            problems.add(
                    "customBannedTerms has " + terms.size() + " terms; at most " + MAX_CUSTOM_TERMS + " are allowed.");
        }
        int wrong = 0;
        for (String term : terms) {
            int length = PasswordNormalizer.length(term);
            boolean control = term.codePoints().anyMatch(Character::isISOControl);
            if (length < MIN_CUSTOM_TERM_LENGTH || length > MAX_CUSTOM_TERM_LENGTH || control) {
                if (++wrong <= 10) {
                    problems.add(
                            control
                                    ? "Custom banned terms cannot contain control characters."
                                    : "Custom banned term \"" + term + "\" has " + length + " characters; use "
                                            + MIN_CUSTOM_TERM_LENGTH + " to " + MAX_CUSTOM_TERM_LENGTH + ".");
                }
            }
        }
        if (wrong > 10) {
            problems.add("And " + (wrong - 10) + " more custom banned terms of the wrong length.");
        }
        return problems;
    }

    /** The terms stripped of surrounding white space, without nulls and blanks. */
    private static List<String> usable(List<String> terms) {
        List<String> usable = new ArrayList<>();
        if (terms != null) {
            for (String term : terms) {
                if (term != null && !term.isBlank()) {
                    usable.add(term.strip());
                }
            }
        }
        return usable;
    }
}
