package org.opensspr.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AnswerNormalizerTests {

    private static final long SEED = 20_250_601L;
    private static final int[] WHITESPACE = {
        '\t', '\n', '\r', ' ', 0x0B, 0x0C, 0x1C, 0x85, 0xA0, 0x1680, 0x2000, 0x2007, 0x200A, 0x2028, 0x2029, 0x202F,
        0x205F, 0x3000
    };
    private static final int[] TRICKY = {
        0xFB01, 0x00DF, 0x1E9E, 0x0130, 0x0131, 0x03A3, 0x03C2, 0x2126, 0x212A, 0xFF21, 0xFF41, 0x00BD, 0x2460, 0x3392,
        0x0345, 0x1D2C, 0x00B4, 0x0F77, 0x1F600, 0x1F3FD, 0x200D, 0xFEFF
    };

    @Test
    void caseAndRunsOfWhitespaceDoNotMatter() {
        assertThat(AnswerNormalizer.normalize("  Fluffy   the\tCat ")).isEqualTo("fluffy the cat");
        assertThat(AnswerNormalizer.normalize("FLUFFY THE CAT")).isEqualTo("fluffy the cat");
    }

    @Test
    void fullWidthLettersEqualAscii() {
        assertThat(AnswerNormalizer.normalize("ＦＬＵＦＦＹ")).isEqualTo(AnswerNormalizer.normalize("fluffy"));
    }

    @Test
    void ligatureFoldsToItsLetters() {
        assertThat(AnswerNormalizer.normalize("\uFB01sh")).isEqualTo("fish");
    }

    @Test
    void nonBreakingAndOtherUnicodeSpacesFoldToOneAsciiSpace() {
        assertThat(AnswerNormalizer.normalize("new\u00A0york")).isEqualTo("new york");
        assertThat(AnswerNormalizer.normalize("\u3000new\u2028\u202F york\u2029"))
                .isEqualTo("new york");
    }

    @Test
    void accentsAreKept() {
        assertThat(AnswerNormalizer.normalize("één")).isNotEqualTo(AnswerNormalizer.normalize("een"));
    }

    @Test
    void composedAndDecomposedAccentsAreAlike() {
        assertThat(AnswerNormalizer.normalize("e\u0301e\u0301n"))
                .isEqualTo(AnswerNormalizer.normalize("\u00E9\u00E9n"));
    }

    @Test
    void capitalWithAMarkThatComposesOnlyInLowerCaseIsNormalisedAgainAfterFolding() {
        // "J" + caron has no precomposed capital, but "j" + caron composes to U+01F0.
        assertThat(AnswerNormalizer.normalize("J\u030C"))
                .isEqualTo("\u01F0")
                .isEqualTo(AnswerNormalizer.normalize("\u01F0"));
    }

    @Test
    void nullAndBlankGiveEmpty() {
        assertThat(AnswerNormalizer.normalize(null)).isEmpty();
        assertThat(AnswerNormalizer.normalize(" \t\u00A0\n")).isEmpty();
    }

    @Test
    void randomStringsNeverThrowAndNormaliseIdempotently() {
        Random random = new Random(SEED);
        for (int run = 0; run < 10_000; run++) {
            String input = randomString(random);
            String once;
            try {
                once = AnswerNormalizer.normalize(input);
            } catch (RuntimeException e) {
                throw new AssertionError(
                        "normalize threw for run " + run + " of seed " + SEED + ": " + escape(input), e);
            }
            if (!AnswerNormalizer.normalize(once).equals(once)) {
                fail("not idempotent for run %d of seed %d: %s", run, SEED, escape(input));
            }
        }
    }

    @Test
    void everySingleCodePointNormalisesIdempotently() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String once = AnswerNormalizer.normalize(new String(Character.toChars(codePoint)));
            if (!AnswerNormalizer.normalize(once).equals(once)) {
                fail("not idempotent for U+%04X", codePoint);
            }
        }
    }

    private static String randomString(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(25);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(9)) {
                case 0 -> text.append((char) (0xD800 + random.nextInt(0x800)));
                case 1 -> text.appendCodePoint(random.nextInt(0x20));
                case 2 -> text.appendCodePoint(0x7F + random.nextInt(0x21));
                case 3 -> text.appendCodePoint(0x0300 + random.nextInt(0x70));
                case 4 -> text.appendCodePoint(WHITESPACE[random.nextInt(WHITESPACE.length)]);
                case 5 -> text.appendCodePoint(TRICKY[random.nextInt(TRICKY.length)]);
                case 6 -> text.appendCodePoint('A' + random.nextInt(58));
                case 7 -> text.append((char) random.nextInt(0x10000));
                default -> text.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
            }
        }
        return text.toString();
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        text.chars().forEach(c -> escaped.append(String.format(Locale.ROOT, "\\u%04X", c)));
        return escaped.toString();
    }
}
