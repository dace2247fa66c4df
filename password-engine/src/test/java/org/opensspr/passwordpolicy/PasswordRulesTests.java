package org.opensspr.passwordpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PasswordRulesTests {

    private static final PasswordRules RULES = PasswordRules.withGlobalList();
    private static final PasswordContext ALICE =
            new PasswordContext("alice", "Alice", "Liddell", "alice.kingsleigh@example.org", "Contoso Pharmaceuticals");

    private final PasswordSettings defaults = PasswordSettings.defaults();

    private List<String> codes(String password) {
        return codes(password, PasswordContext.none(), defaults);
    }

    private List<String> codes(String password, PasswordContext context, PasswordSettings settings) {
        return RULES.evaluate(password, context, settings).stream()
                .map(Violation::code)
                .toList();
    }

    @Test
    void evaluateWhenStrongPasswordThenNoViolations() {
        assertThat(codes("vq7#Lk2pXz")).isEmpty();
        assertThat(codes("correct horse battery staple")).isEmpty();
    }

    @Test
    void evaluateWhenNullOrEmptyThenOnlyEmpty() {
        assertThat(codes(null)).containsExactly("password-empty");
        assertThat(codes("")).containsExactly("password-empty");
    }

    @Test
    void evaluateWhenSevenCharactersThenTooShortAndEightIsEnough() {
        assertThat(codes("vq7#Lk2")).contains("password-too-short");
        assertThat(codes("vq7#Lk2p")).isEmpty();
    }

    @Test
    void evaluateCountsCodePointsAfterNfkc() {
        String emoji = "\uD83D\uDE00";
        assertThat(codes(emoji.repeat(7))).contains("password-too-short");
        assertThat(codes("e\u0301".repeat(7) + "xyz")).doesNotContain("password-too-short"); // 10 after NFKC
        assertThat(codes("e\u0301".repeat(7))).contains("password-too-short"); // 14 UTF-16 units, 7 characters
    }

    @Test
    void evaluateWhenOnlySpacesOrInvisibleCharactersThenInvisible() {
        assertThat(codes(" ".repeat(8))).contains("password-invisible");
        assertThat(codes("\u200B".repeat(8))).contains("password-invisible"); // zero-width space
        assertThat(codes("\u3000".repeat(8))).contains("password-invisible"); // ideographic space
        assertThat(codes("\u200B \u200D\u2060\uFEFF\u00A0\u2003\u3164")).contains("password-invisible");
        assertThat(codes("\u200Bvq7#Lk2pXz")).isEmpty();
    }

    @Test
    void evaluateWhenRepetitiveOrSequentialThenPredictable() {
        for (String password : List.of(
                "zzzzzzzz",
                "abababab",
                "abcabcabc",
                "AbCaBcAbC",
                "abcdefghijklmn",
                "ZYXWVUTSRQ",
                "1234abcd",
                "98765432",
                "01234567890",
                "qrstuvwx!")) {
            assertThat(codes(password)).as(password).contains("password-predictable");
            assertThat(RULES.evaluate(password, PasswordContext.none(), defaults, Locale.forLanguageTag("nl")))
                    .as(password)
                    .extracting(Violation::message)
                    .contains("Vermijd herhaalde of opeenvolgende tekens zoals \"zzzz\", \"abab\", \"abcdef\" of "
                            + "\"1234abcd\"; voeg eigen tekens toe.");
        }
    }

    @Test
    void passwordsWithTheirOwnCharactersAreNotPredictable() {
        for (String password :
                List.of("vq7#Lk2pXz", "correct horse battery staple", "abcdXkq9", "aaab1234", "abcd1234!")) {
            assertThat(PasswordRules.isPredictable(password)).as(password).isFalse();
        }
        assertThat(codes("vq7#Lk2pXz")).doesNotContain("password-predictable", "password-invisible");
    }

    @Test
    void evaluateWhenLongerThanMaximumThenTooLong() {
        String base = "vq7#Lk2pXz".repeat(26);
        assertThat(codes(base.substring(0, 256))).isEmpty();
        assertThat(codes(base.substring(0, 257))).containsExactly("password-too-long");
    }

    @Test
    void evaluateWhenHugeInputThenTooLongWithoutNormalising() {
        assertThat(codes("a".repeat(10_000_000))).containsExactly("password-too-long");
    }

    @Test
    void evaluateWhenSpacesAndUnicodeThenAllowed() {
        assertThat(codes("paard  🐴 ΚΑΛΗΜΕΡΑ")).isEmpty();
        assertThat(codes("   vq7#Lk2pXz   ")).isEmpty(); // spaces are characters like any other; only-spaces is not
    }

    @Test
    void evaluateWhenControlCharacterThenRefused() {
        assertThat(codes("vq7#Lk2\u0000pXz")).containsExactly("password-control-character");
        assertThat(codes("vq7#Lk2\tpXz")).containsExactly("password-control-character");
        assertThat(codes("vq7#Lk2\u0085pXz")).containsExactly("password-control-character");
    }

    @Test
    void evaluateWhenUnpairedSurrogateThenRefused() {
        assertThat(codes("vq7#Lk2\uD800pXz")).containsExactly("password-control-character");
    }

    @Test
    void evaluateWhenThreeClassesRequiredThenChecked() {
        PasswordSettings three = new PasswordSettings(8, 256, List.of(), false, true, true);
        assertThat(codes("vqkrlmzpxt", PasswordContext.none(), three)).containsExactly("password-three-classes");
        assertThat(codes("vqkrlmzp77", PasswordContext.none(), three)).containsExactly("password-three-classes");
        assertThat(codes("vqkrlmZp77", PasswordContext.none(), three)).isEmpty();
        assertThat(codes("vqkrlmzp7#", PasswordContext.none(), three)).isEmpty();
        assertThat(codes("vqkrlmzpxt", PasswordContext.none(), defaults)).isEmpty();
    }

    @Test
    void evaluateWhenCommonPasswordThenTooCommon() {
        assertThat(codes("Password1")).containsExactly("password-too-common");
        assertThat(codes("P@55w0rd!")).containsExactly("password-too-common");
        assertThat(codes("qwerty123456")).containsExactly("password-too-common");
        assertThat(codes("Wachtwoord2026")).containsExactly("password-too-common");
    }

    @Test
    void evaluateWhenCommonWordWithEnoughOwnCharactersThenAccepted() {
        assertThat(codes("Password#vq7Lk")).isEmpty();
    }

    @Test
    void evaluateWhenLoginAndYearThenTooCommon() {
        assertThat(codes("Alice2026!!", ALICE, defaults)).containsExactly("password-too-common");
        assertThat(RULES.bannedScore("Alice2026!!", ALICE, defaults)).isEqualTo(4); // alice + 2026 + ! + !
    }

    @Test
    void evaluateWhenLoginNotInGlobalListThenContextStillFindsIt() {
        PasswordContext context = PasswordContext.ofLogin("kingsleigh");
        assertThat(codes("Kingsleigh2026!", context, defaults)).containsExactly("password-too-common");
        assertThat(codes("Kingsleigh2026!", PasswordContext.none(), defaults)).isEmpty();
    }

    @Test
    void evaluateWhenSurnameThenFound() {
        assertThat(codes("Liddell#19", ALICE, defaults)).containsExactly("password-too-common");
        assertThat(RULES.bannedScore("Liddell#19", ALICE, defaults)).isEqualTo(4);
        assertThat(codes("Liddell#19x", ALICE, defaults)).isEmpty(); // liddell + 4 of your own: 5 points
    }

    @Test
    void evaluateWhenEmailLocalPartThenFound() {
        assertThat(RULES.bannedScore("Kingsleigh#x9", ALICE, defaults)).isEqualTo(4);
        assertThat(RULES.bannedScore("Kingsleigh#x9", PasswordContext.none(), defaults))
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void evaluateWhenOrganisationThenFound() {
        assertThat(codes("Pharmaceuticals!1", ALICE, defaults)).containsExactly("password-too-common");
        assertThat(codes("C0ntos0Rx9", ALICE, defaults)).containsExactly("password-too-common");
    }

    @Test
    void evaluateWhenLoginInDomainFormThenLoginPartFound() {
        PasswordContext upn = PasswordContext.ofLogin("EXAMPLE\\bjansen");
        assertThat(codes("Bjansen77!", upn, defaults)).containsExactly("password-too-common");
    }

    @Test
    void evaluateWhenContextTermShorterThanFourThenIgnored() {
        PasswordContext bob = new PasswordContext("bob", "Bob", "Ng", null, null);
        assertThat(codes("bobng#vq7k", bob, defaults)).isEmpty();
    }

    @Test
    void evaluateAzureCustomListExamples() {
        PasswordSettings custom = defaults.withCustomBannedTerms(List.of("contoso", "blank"));
        assertThat(codes("C0ntos0Blank12", PasswordContext.none(), custom)).containsExactly("password-too-common");
        assertThat(codes("ContoS0Bl@nkf9!", PasswordContext.none(), custom)).isEmpty();
    }

    @Test
    void evaluateWhenCustomListNotEnforcedThenIgnored() {
        PasswordSettings off = new PasswordSettings(8, 256, List.of("contoso", "blank"), false, false, true);
        assertThat(codes("C0ntos0Blank12", PasswordContext.none(), off)).isEmpty();
    }

    @Test
    void evaluateWhenCustomListChangesThenNewListUsed() {
        PasswordSettings first = defaults.withCustomBannedTerms(List.of("okapi"));
        PasswordSettings second = defaults.withCustomBannedTerms(List.of("giraffe"));
        assertThat(codes("okapi#v7", PasswordContext.none(), first)).containsExactly("password-too-common");
        assertThat(codes("okapi#v7", PasswordContext.none(), second)).isEmpty();
        assertThat(codes("giraffe#v", PasswordContext.none(), second)).containsExactly("password-too-common");
    }

    @Test
    void evaluateWhenBreachedThenRefusedAndOnlyAskedWhenEverythingElsePasses() {
        AtomicInteger asked = new AtomicInteger();
        BreachedPasswords corpus = password -> asked.incrementAndGet() > 0 && password.equals("vq7#Lk2pXz");
        PasswordRules rules = new PasswordRules(BannedTerms.global(), corpus);
        assertThat(rules.evaluate("vq7#Lk2pXz", null, defaults))
                .extracting(Violation::code)
                .containsExactly("password-breached");
        assertThat(rules.evaluate("password", null, defaults))
                .extracting(Violation::code)
                .containsExactly("password-too-common");
        assertThat(asked).hasValue(1);
        PasswordSettings off = new PasswordSettings(8, 256, List.of(), false, false, false);
        assertThat(rules.evaluate("vq7#Lk2pXz", null, off)).isEmpty();
    }

    @Test
    void evaluateWhenMinimumRaisedThenUsedInMessage() {
        PasswordSettings twelve = new PasswordSettings(12, 64, List.of(), false, false, true);
        assertThat(RULES.evaluate("vq7#Lk2pXz", null, twelve))
                .containsExactly(new Violation("password-too-short", "Use at least 12 characters."));
        assertThat(codes("a".repeat(10) + "vq7#Lk2pXz".repeat(6), null, twelve)).containsExactly("password-too-long");
    }

    @Test
    void messagesInDutch() {
        assertThat(RULES.evaluate("kort", null, defaults, Locale.forLanguageTag("nl-NL")))
                .extracting(Violation::message)
                .containsExactly(
                        "Gebruik minstens 8 tekens.",
                        "Vermijd veelgebruikte woorden en namen, of voeg meer eigen tekens toe.");
        assertThat(RULES.evaluate("password", null, defaults, Locale.forLanguageTag("nl")))
                .extracting(Violation::message)
                .containsExactly("Vermijd veelgebruikte woorden en namen, of voeg meer eigen tekens toe.");
    }

    @Test
    void messagesNeverNameTheTermThatMatched() {
        PasswordSettings custom = defaults.withCustomBannedTerms(List.of("contoso", "blank"));
        for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("nl"), Locale.JAPANESE)) {
            assertThat(RULES.evaluate("C0ntos0Blank12", ALICE, custom, locale))
                    .singleElement()
                    .satisfies(v -> {
                        assertThat(v.message().toLowerCase(Locale.ROOT)).doesNotContain("contoso", "blank", "alice");
                    });
        }
    }

    @Test
    void messagesWhenUnknownLanguageThenEnglish() {
        assertThat(RULES.evaluate("", null, defaults, Locale.JAPANESE))
                .extracting(Violation::message)
                .containsExactly("Enter a new password.");
        assertThat(RULES.evaluate("", null, defaults, null))
                .extracting(Violation::message)
                .containsExactly("Enter a new password.");
    }

    @Test
    void violationHasMessageKey() {
        assertThat(new Violation("password-too-short", "x").messageKey())
                .isEqualTo("passwordpolicy.password-too-short");
    }

    @Test
    void strengthWhenThePolicyRefusesThePasswordThenNeverMoreThanRefused() {
        for (String refused : List.of("P@ssw0rd2026!", "Liddell2026!", "zzzzzzzzzzzzzzzzzz", "short")) {
            List<Violation> violations = RULES.evaluate(refused, ALICE, defaults);
            assertThat(violations).as(refused).isNotEmpty();
            assertThat(RULES.strength(refused, ALICE, defaults, violations))
                    .as(refused)
                    .isEqualTo(PasswordRules.STRENGTH_REFUSED);
        }
        assertThat(RULES.strength("", ALICE, defaults, RULES.evaluate("", ALICE, defaults)))
                .isEqualTo(PasswordRules.STRENGTH_EMPTY);
    }

    @Test
    void strengthWhenAcceptedThenGrowsWithTheCharactersOfTheUsersOwn() {
        assertThat(RULES.strength("Carol-portal-2026", PasswordContext.none(), defaults, List.of()))
                .isEqualTo(PasswordRules.STRENGTH_FAIR);
        assertThat(RULES.strength("Tr0ub4dor&3", PasswordContext.none(), defaults, List.of()))
                .isEqualTo(PasswordRules.STRENGTH_GOOD);
        assertThat(RULES.strength("correct horse battery staple", PasswordContext.none(), defaults, List.of()))
                .isEqualTo(PasswordRules.STRENGTH_STRONG);
    }

    @Test
    void strengthWhenTheHistoryRefusesAnOtherwiseStrongPasswordThenRefused() {
        List<Violation> reused = List.of(PasswordMessages.violation("password-reused", Locale.ENGLISH));
        assertThat(RULES.strength("correct horse battery staple", PasswordContext.none(), defaults, reused))
                .isEqualTo(PasswordRules.STRENGTH_REFUSED);
    }
}
