package org.opensspr.passwordpolicy;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Step 1 of Azure's banned-password algorithm: bring a password (or a banned term) to the form in
 * which look-alikes compare equal. NFKC (so full-width and other compatibility forms become their
 * plain letters), lower case in {@link Locale#ROOT}, then one character for another.
 *
 * <p>{@link #AZURE} has exactly Azure's four substitutions ({@code 0->o 1->l $->s @->a}).
 * {@link #DEFAULT} adds the usual leetspeak letters ({@code 3->e 4->a 5->s 7->t +->t !->i |->l})
 * and drops accents from Latin letters ({@code é->e}), so {@code P@55w0rd} and {@code Wàchtw00rd}
 * are caught; see docs/banned-terms.md for the evidence. Digits that people use as digits
 * ({@code 2}, {@code 6}, {@code 8}, {@code 9}) are left alone.
 *
 * <p>Never throws: null is the empty string, unpaired surrogates pass through unchanged.
 */
public final class PasswordNormalizer {

    /** Azure's documented substitutions only. */
    public static final PasswordNormalizer AZURE =
            new PasswordNormalizer(Map.of('0', 'o', '1', 'l', '$', 's', '@', 'a'), false);

    /** Azure's substitutions, the common leetspeak letters and accent folding: what OpenSSPR uses. */
    public static final PasswordNormalizer DEFAULT = new PasswordNormalizer(
            Map.ofEntries(
                    Map.entry('0', 'o'),
                    Map.entry('1', 'l'),
                    Map.entry('$', 's'),
                    Map.entry('@', 'a'),
                    Map.entry('3', 'e'),
                    Map.entry('4', 'a'),
                    Map.entry('5', 's'),
                    Map.entry('7', 't'),
                    Map.entry('+', 't'),
                    Map.entry('!', 'i'),
                    Map.entry('|', 'l')),
            true);

    private final char[] substitution = new char[128];
    private final boolean foldAccents;

    private PasswordNormalizer(Map<Character, Character> substitutions, boolean foldAccents) {
        for (int c = 0; c < substitution.length; c++) {
            substitution[c] = (char) c;
        }
        substitutions.forEach((from, to) -> substitution[from] = to);
        this.foldAccents = foldAccents;
    }

    /** {@code text} in NFKC; null is the empty string. This is the form whose length the policy counts. */
    public static String nfkc(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        try {
            return Normalizer.normalize(text, Normalizer.Form.NFKC);
        } catch (RuntimeException e) {
            return text; // no known input does this; the policy still counts and checks the raw text
        }
    }

    /** The number of Unicode code points of {@code password} after NFKC; 0 for null. */
    public static int length(String password) {
        String normalized = nfkc(password);
        return normalized.codePointCount(0, normalized.length());
    }

    /** The comparison form of {@code text}: NFKC, lower case, substitutions (and accent folding). */
    public String normalize(String text) {
        int[] codePoints = codePoints(text);
        return new String(codePoints, 0, codePoints.length);
    }

    /** {@link #normalize(String)} as code points, the form the banned-term index works on. */
    int[] codePoints(String text) {
        String lower = nfkc(text).toLowerCase(Locale.ROOT);
        if (foldAccents) {
            try {
                lower = foldLatinAccents(lower);
            } catch (RuntimeException e) {
                // keep the accents; matching is then only less eager
            }
        }
        int[] codePoints = lower.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            int c = codePoints[i];
            if (c < substitution.length) {
                codePoints[i] = substitution[c];
            }
        }
        return codePoints;
    }

    /** Drops the combining marks that follow a Latin letter a-z ({@code é -> e}); other scripts keep theirs. */
    private static String foldLatinAccents(String text) {
        boolean ascii = true;
        for (int i = 0; i < text.length() && ascii; i++) {
            ascii = text.charAt(i) < 128;
        }
        if (ascii) {
            return text;
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        boolean afterLatinLetter = false;
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            if (afterLatinLetter && Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            afterLatinLetter = c >= 'a' && c <= 'z';
            folded.appendCodePoint(c);
        }
        return Normalizer.normalize(folded, Normalizer.Form.NFC);
    }
}
