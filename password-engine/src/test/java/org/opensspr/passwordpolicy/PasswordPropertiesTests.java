package org.opensspr.passwordpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Normalisation and evaluation never throw and are deterministic, for any string jqwik can make. */
class PasswordPropertiesTests {

    private static final PasswordRules RULES = PasswordRules.withGlobalList();
    private static final PasswordSettings SETTINGS =
            new PasswordSettings(8, 256, List.of("contoso", "blank"), true, true, true);

    @Provide
    Arbitrary<String> anyUnicode() {
        // every char value, so unpaired high and low surrogates, controls and noncharacters too
        Arbitrary<String> chars = Arbitraries.strings().all().ofMaxLength(80);
        Arbitrary<String> codePoints = Arbitraries.integers()
                .between(0, Character.MAX_CODE_POINT)
                .list()
                .ofMaxSize(40)
                .map(list -> {
                    StringBuilder text = new StringBuilder();
                    list.forEach(text::appendCodePoint);
                    return text.toString();
                });
        Arbitrary<String> leet = Arbitraries.strings()
                .withChars("passwordcontosoblank0123456789$@!|+ ÉéİıßﬁＡ\u0301")
                .ofMaxLength(30);
        return Arbitraries.oneOf(chars, codePoints, leet);
    }

    @Property(tries = 2000)
    void normalizeNeverThrows(@ForAll("anyUnicode") String text) {
        assertThat(PasswordNormalizer.DEFAULT.normalize(text)).isNotNull();
        assertThat(PasswordNormalizer.AZURE.normalize(text)).isNotNull();
        assertThat(PasswordNormalizer.length(text)).isNotNegative();
    }

    @Property(tries = 2000)
    void normalizeIsIdempotent(@ForAll("anyUnicode") String text) {
        String once = PasswordNormalizer.AZURE.normalize(text);
        // NFKC and lower case can each undo the other's work on rare characters, so compare twice and thrice
        String twice = PasswordNormalizer.AZURE.normalize(once);
        assertThat(PasswordNormalizer.AZURE.normalize(twice)).isEqualTo(twice);
    }

    @Property(tries = 2000)
    void evaluateNeverThrowsAndIsDeterministic(
            @ForAll("anyUnicode") String password, @ForAll("anyUnicode") String login) {
        PasswordContext context = new PasswordContext(login, login, null, login + "@example.org", "Contoso");
        List<Violation> first = RULES.evaluate(password, context, SETTINGS);
        List<Violation> second = RULES.evaluate(password, context, SETTINGS);
        assertThat(second).isEqualTo(first);
        assertThat(first).allSatisfy(v -> assertThat(v.message()).isNotBlank());
    }

    @Property(tries = 1000)
    void scoreIsNeverMoreThanTheLength(@ForAll("anyUnicode") String password) {
        int score = BannedTerms.global().score(password);
        assertThat(score)
                .isBetween(
                        0,
                        PasswordNormalizer.DEFAULT
                                .normalize(password)
                                .codePointCount(
                                        0,
                                        PasswordNormalizer.DEFAULT
                                                .normalize(password)
                                                .length()));
    }
}
