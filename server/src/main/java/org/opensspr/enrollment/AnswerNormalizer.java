package org.opensspr.enrollment;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Puts a security answer in the one form that is hashed and compared, so that "Fluffy  the Cat",
 * "FLUFFY THE CAT" and "ｆｌｕｆｆｙ the cat" are the same answer while "één" and "een" stay
 * different: people remember words, not capitals, spacing or the keyboard they typed on.
 *
 * <p>The steps are Unicode NFKC, lower case ({@link Locale#ROOT}), NFKC again (lower-casing can
 * leave a string that is no longer normalised), then every run of whitespace ({@link
 * Character#isWhitespace} or {@link Character#isSpaceChar}) becomes one ASCII space and the
 * ends are trimmed. Accents are kept. The result is idempotent, and length rules count its code
 * points. Changing these steps changes every stored hash: do so only with a migration plan.
 */
public final class AnswerNormalizer {

    private AnswerNormalizer() {}

    /**
     * The normalised form of an answer. Never throws: {@code null} gives {@code ""}, and unpaired
     * surrogates and control characters pass through unchanged.
     */
    public static String normalize(String answer) {
        if (answer == null) {
            return "";
        }
        String folded = Normalizer.normalize(answer, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return collapseWhitespace(Normalizer.normalize(folded, Normalizer.Form.NFKC));
    }

    private static String collapseWhitespace(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
                pendingSpace = !out.isEmpty();
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.appendCodePoint(codePoint);
            }
        }
        return out.toString();
    }
}
