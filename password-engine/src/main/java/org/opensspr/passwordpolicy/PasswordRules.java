package org.opensspr.passwordpolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The whole password policy: NIST SP 800-63B length and character rules, Azure's banned-password
 * score over the global list, the organisation's custom list and the user's own context, an
 * optional composition rule, and the breached-password seam. Fast enough for every keystroke of
 * a strength meter: with the global list loaded one evaluation takes some microseconds (see
 * docs/banned-terms.md).
 *
 * <p>Codes: {@code password-empty} (alone), {@code password-too-short}, {@code password-too-long},
 * {@code password-control-character}, {@code password-invisible} (nothing but spaces and invisible
 * characters), {@code password-predictable} (NIST's "repetitive or sequential characters": one to
 * three characters repeated, like {@code zzzzzzzz} or {@code abcabcabc}, or at most two runs of
 * consecutive characters, like {@code abcdefghijklmn} or {@code 1234abcd}), {@code
 * password-three-classes}, {@code password-too-common}, {@code password-breached}. Messages say what to do and never which term matched. Thread-safe;
 * logs nothing.
 */
public final class PasswordRules {

    /** {@link #strength}: nothing typed. */
    public static final int STRENGTH_EMPTY = 0;
    /** {@link #strength}: the policy refuses it. */
    public static final int STRENGTH_REFUSED = 1;
    /** {@link #strength}: accepted, but few characters of the user's own. */
    public static final int STRENGTH_FAIR = 2;
    /** {@link #strength}: accepted with some margin. */
    public static final int STRENGTH_GOOD = 3;
    /** {@link #strength}: accepted with a wide margin. */
    public static final int STRENGTH_STRONG = 4;
    /** Azure's score from which an accepted password is good: four points above the least that passes ({@link BannedTerms#MIN_SCORE}). */
    static final int GOOD_SCORE = 9;
    /** Azure's score from which an accepted password is strong. */
    static final int STRONG_SCORE = 14;

    private final BannedTerms global;
    private final BreachedPasswords breached;
    private volatile CustomList custom = new CustomList(List.of(), BannedTerms.empty());

    /**
     * @param global   the global banned list (usually {@link BannedTerms#global()})
     * @param breached the breached-password corpus; null when there is none
     */
    public PasswordRules(BannedTerms global, BreachedPasswords breached) {
        this.global = Objects.requireNonNull(global, "global banned terms cannot be null");
        this.breached = breached;
    }

    /** Rules with the global list shipped in this library and no breached-password corpus. */
    public static PasswordRules withGlobalList() {
        return new PasswordRules(BannedTerms.global(), null);
    }

    /** {@link #evaluate(String, PasswordContext, PasswordSettings, Locale)} with English messages. */
    public List<Violation> evaluate(String password, PasswordContext context, PasswordSettings settings) {
        return evaluate(password, context, settings, Locale.ENGLISH);
    }

    /**
     * The violations of {@code password} for the user described by {@code context} (null: nothing
     * known), with messages in {@code locale} (null or a language without messages: English); empty
     * when the password is accepted. Never throws for any string, including unpaired surrogates.
     * The breached-password corpus is asked only when every other rule passes.
     */
    public List<Violation> evaluate(
            String password, PasswordContext context, PasswordSettings settings, Locale locale) {
        Objects.requireNonNull(settings, "settings cannot be null");
        List<Violation> violations = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            violations.add(PasswordMessages.violation("password-empty", locale));
            return violations;
        }
        if (password.length() > 8L * settings.maxLength()) {
            // NFKC composes at most four code points into one; no need to normalise megabytes
            violations.add(PasswordMessages.violation("password-too-long", locale, settings.maxLength()));
            return violations;
        }
        String normalized = PasswordNormalizer.nfkc(password);
        int length = normalized.codePointCount(0, normalized.length());
        if (length < settings.minLength()) {
            violations.add(PasswordMessages.violation("password-too-short", locale, settings.minLength()));
        }
        if (length > settings.maxLength()) {
            violations.add(PasswordMessages.violation("password-too-long", locale, settings.maxLength()));
        }
        if (normalized.codePoints().anyMatch(PasswordRules::isUnusable)) {
            violations.add(PasswordMessages.violation("password-control-character", locale));
        }
        if (normalized.codePoints().allMatch(PasswordRules::isInvisible)) {
            violations.add(PasswordMessages.violation("password-invisible", locale));
        } else if (isPredictable(normalized)) {
            violations.add(PasswordMessages.violation("password-predictable", locale));
        }
        if (settings.requireThreeClasses() && characterClasses(normalized) < 3) {
            violations.add(PasswordMessages.violation("password-three-classes", locale));
        }
        if (bannedScore(password, context, settings) < BannedTerms.MIN_SCORE) {
            violations.add(PasswordMessages.violation("password-too-common", locale));
        }
        if (violations.isEmpty() && settings.checkBreached() && breached != null && breached.contains(password)) {
            violations.add(PasswordMessages.violation("password-breached", locale));
        }
        return violations;
    }

    /**
     * What a strength meter shows for {@code password} once {@code violations} (the policy's own
     * verdict on it, history included) are known: {@value #STRENGTH_EMPTY} empty, {@value
     * #STRENGTH_REFUSED} refused (any violation: a meter never calls a password the policy refuses
     * good), else by Azure's score ({@link #bannedScore}: a banned term counts 1, every other
     * character 1) {@value #STRENGTH_FAIR} fair, {@value #STRENGTH_GOOD} good from {@value
     * #GOOD_SCORE} points, {@value #STRENGTH_STRONG} strong from {@value #STRONG_SCORE}.
     */
    public int strength(
            String password, PasswordContext context, PasswordSettings settings, List<Violation> violations) {
        Objects.requireNonNull(violations, "violations cannot be null");
        if (password == null || password.isEmpty()) {
            return STRENGTH_EMPTY;
        }
        if (!violations.isEmpty()) {
            return STRENGTH_REFUSED;
        }
        int score = bannedScore(password, context, settings);
        return score >= STRONG_SCORE ? STRENGTH_STRONG : score >= GOOD_SCORE ? STRENGTH_GOOD : STRENGTH_FAIR;
    }

    /**
     * Azure's score of {@code password}: global list, custom list (when enforced) and the context's
     * terms. Passwords below {@link BannedTerms#MIN_SCORE} are refused.
     */
    public int bannedScore(String password, PasswordContext context, PasswordSettings settings) {
        BannedTerms user = BannedTerms.of(context == null ? List.of() : context.terms(), global.normalizer());
        if (settings.enforceCustomList() && !settings.customBannedTerms().isEmpty()) {
            return global.score(password, customIndex(settings.customBannedTerms()), user);
        }
        return global.score(password, user);
    }

    /** The index of the custom list, rebuilt only when the list changes (it changes when an admin saves). */
    private BannedTerms customIndex(List<String> terms) {
        CustomList current = custom;
        if (!current.terms().equals(terms)) {
            current = new CustomList(terms, BannedTerms.of(terms, global.normalizer()));
            custom = current;
        }
        return current.index();
    }

    /** Control characters (C0, DEL, C1) and unpaired surrogates, which no directory can store. */
    private static boolean isUnusable(int codePoint) {
        return Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.SURROGATE;
    }

    /** Spaces, format characters (zero-width space and joiners, bidi marks) and other characters that show nothing. */
    private static boolean isInvisible(int codePoint) {
        return Character.isWhitespace(codePoint)
                || Character.isSpaceChar(codePoint)
                || Character.isIdentifierIgnorable(codePoint) // every format character, and controls
                || codePoint == 0x115F
                || codePoint == 0x1160
                || codePoint == 0x3164
                || codePoint == 0xFFA0; // Hangul fillers
    }

    /**
     * Repetitive or sequential, case-insensitively: a unit of one to three characters repeated over
     * the whole password ({@code zzzzzzzz}, {@code abababab}, {@code abcabcabc}), or the whole
     * password made of at most two runs in which each character is the one after (or before) the
     * previous ({@code abcdefghijklmn}, {@code 98765432}, {@code 1234abcd}).
     */
    static boolean isPredictable(String normalized) {
        int[] c = normalized.toLowerCase(Locale.ROOT).codePoints().toArray();
        if (c.length < 4) {
            return false; // too short anyway; the length rule speaks
        }
        for (int unit = 1; unit <= 3 && unit * 2 <= c.length; unit++) {
            if (repeats(c, unit)) {
                return true;
            }
        }
        int runs = 1;
        int step = 0;
        for (int i = 1; i < c.length; i++) {
            int d = c[i] - c[i - 1];
            if ((d == 1 || d == -1) && (step == 0 || d == step)) {
                step = d;
            } else {
                runs++;
                step = 0;
                if (runs > 2) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether {@code c} is its first {@code unit} code points over and over (a last partial unit allowed). */
    private static boolean repeats(int[] c, int unit) {
        for (int i = unit; i < c.length; i++) {
            if (c[i] != c[i - unit]) {
                return false;
            }
        }
        return true;
    }

    /** How many of: capital letters, small letters, digits, anything else (letters without case count as other). */
    static int characterClasses(String text) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
                upper = true;
            } else if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    private record CustomList(List<String> terms, BannedTerms index) {}
}
