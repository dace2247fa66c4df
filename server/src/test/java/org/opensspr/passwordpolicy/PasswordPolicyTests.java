package org.opensspr.passwordpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void eightCodePointsAreEnoughAndSevenAreNot() {
        assertThat(policy.evaluate("abcdefgh")).isEmpty();
        assertThat(policy.evaluate("abcdefg")).extracting(Violation::code).containsExactly("password-too-short");
    }

    @Test
    void lengthCountsCodePointsAfterNfkcNotUtf16Units() {
        String emoji = "\uD83D\uDD11"; // one code point, two UTF-16 units
        assertThat(policy.evaluate(emoji.repeat(7))).extracting(Violation::code).containsExactly("password-too-short");
        assertThat(policy.evaluate(emoji.repeat(8))).isEmpty();
        assertThat(policy.evaluate("\uFB00\uFB00\uFB00\uFB00")).as("four ligatures ff normalise to eight letters").isEmpty();
    }

    @Test
    void spacesAndUnicodeAreAllowedButNotControlCharacters() {
        assertThat(policy.evaluate("correct horse battery")).isEmpty();
        assertThat(policy.evaluate("wachtwoord één")).isEmpty();
        assertThat(policy.evaluate("abc\u0000defgh")).extracting(Violation::code).containsExactly("password-control-character");
    }

    @Test
    void emptyAndOverlongAreRefused() {
        assertThat(policy.evaluate("")).extracting(Violation::code).containsExactly("password-empty");
        assertThat(policy.evaluate(null)).extracting(Violation::code).containsExactly("password-empty");
        assertThat(policy.evaluate("a".repeat(256))).isEmpty();
        assertThat(policy.evaluate("a".repeat(257))).extracting(Violation::code).containsExactly("password-too-long");
    }
}
