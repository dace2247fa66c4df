package org.opensspr.passwordpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordNormalizerTests {

    private final PasswordNormalizer azure = PasswordNormalizer.AZURE;
    private final PasswordNormalizer normalizer = PasswordNormalizer.DEFAULT;

    @Test
    void normalizeWhenAzureSubstitutionsThenLetters() {
        assertThat(azure.normalize("C0ntos0")).isEqualTo("contoso");
        assertThat(azure.normalize("Bl@nK")).isEqualTo("blank");
        assertThat(azure.normalize("$1mple")).isEqualTo("slmple");
    }

    @Test
    void normalizeWhenAzureOnlyThenLeetspeakDigitsStay() {
        assertThat(azure.normalize("P@55w0rd")).isEqualTo("pa55word");
    }

    @Test
    void normalizeWhenThreeThenE() {
        assertThat(normalizer.normalize("Sh3ll")).isEqualTo("shell");
    }

    @Test
    void normalizeWhenFourThenA() {
        assertThat(normalizer.normalize("P4ss")).isEqualTo("pass");
    }

    @Test
    void normalizeWhenFiveThenS() {
        assertThat(normalizer.normalize("P@55w0rd")).isEqualTo("password");
    }

    @Test
    void normalizeWhenSevenOrPlusThenT() {
        assertThat(normalizer.normalize("7rus7")).isEqualTo("trust");
        assertThat(normalizer.normalize("+rus+")).isEqualTo("trust");
    }

    @Test
    void normalizeWhenExclamationThenI() {
        assertThat(normalizer.normalize("W!nter")).isEqualTo("winter");
    }

    @Test
    void normalizeWhenPipeThenL() {
        assertThat(normalizer.normalize("He||o")).isEqualTo("hello");
    }

    @Test
    void normalizeWhenDigitsPeopleUseAsDigitsThenKept() {
        assertThat(normalizer.normalize("2689")).isEqualTo("2689");
    }

    @Test
    void normalizeWhenAccentedLatinThenFolded() {
        assertThat(normalizer.normalize("Wàchtwöörd")).isEqualTo("wachtwoord");
        assertThat(normalizer.normalize("CAFÉ")).isEqualTo("cafe");
    }

    @Test
    void normalizeWhenOtherScriptsThenMarksKept() {
        assertThat(normalizer.normalize("नमस्ते")).isEqualTo("नमस्ते");
    }

    @Test
    void normalizeWhenFullWidthThenAscii() {
        assertThat(normalizer.normalize("ＰＡＳＳ")).isEqualTo("pass");
    }

    @Test
    void normalizeWhenNullOrEmptyThenEmpty() {
        assertThat(normalizer.normalize(null)).isEmpty();
        assertThat(normalizer.normalize("")).isEmpty();
        assertThat(PasswordNormalizer.nfkc(null)).isEmpty();
    }

    @Test
    void normalizeWhenUnpairedSurrogateThenKept() {
        assertThat(normalizer.normalize("ab\uD800cd")).isEqualTo("ab\uD800cd");
        assertThat(normalizer.normalize("\uDC00é")).isEqualTo("\uDC00e");
    }

    @Test
    void lengthCountsCodePointsAfterNfkc() {
        assertThat(PasswordNormalizer.length("\uD83D\uDE00".repeat(3))).isEqualTo(3);
        assertThat(PasswordNormalizer.length("e\u0301")).isEqualTo(1);
        assertThat(PasswordNormalizer.length("ﬁ")).isEqualTo(2);
        assertThat(PasswordNormalizer.length(null)).isZero();
    }
}
