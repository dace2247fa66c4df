package org.opensspr.passwordpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class BannedTermsTests {

    private final BannedTerms contosoBlank = BannedTerms.of(List.of("contoso", "blank"), PasswordNormalizer.AZURE);

    @Test
    void azureExampleBlankScoresOne() {
        assertThat(contosoBlank.score("Bl@nK")).isEqualTo(1);
    }

    @Test
    void azureExampleContosoFoundInC0ntoso() {
        assertThat(contosoBlank.score("C0ntoso")).isEqualTo(1);
    }

    @Test
    void azureExampleContoS0Blnkf9IsAccepted() {
        assertThat(contosoBlank.score("ContoS0Bl@nkf9!")).isEqualTo(5);
    }

    @Test
    void azureExampleC0ntos0Blank12IsRejected() {
        assertThat(contosoBlank.score("C0ntos0Blank12")).isEqualTo(4);
    }

    @Test
    void azureExamplesHoldWithOurNormalizerToo() {
        BannedTerms terms = BannedTerms.of(List.of("contoso", "blank"));
        assertThat(terms.score("ContoS0Bl@nkf9!")).isEqualTo(5);
        assertThat(terms.score("C0ntos0Blank12")).isEqualTo(4);
    }

    @Test
    void scoreWhenOneCharacterChangedThenTermFound() {
        assertThat(contosoBlank.score("contozo")).isEqualTo(1);
    }

    @Test
    void scoreWhenOneCharacterAddedThenTermFound() {
        assertThat(contosoBlank.score("contosxo")).isEqualTo(1);
    }

    @Test
    void scoreWhenOneCharacterLeftOutThenTermFound() {
        assertThat(contosoBlank.score("contso")).isEqualTo(1);
    }

    @Test
    void scoreWhenTwoEditsThenNoTerm() {
        assertThat(contosoBlank.score("cnotsoo")).isEqualTo(7);
        assertThat(contosoBlank.score("cotzso")).isEqualTo(6);
    }

    @Test
    void scoreWhenFourCharacterTermThenOnlyExactMatch() {
        BannedTerms terms = BannedTerms.of(List.of("ajax"));
        assertThat(terms.score("xxajaxxx")).isEqualTo(5);
        assertThat(terms.score("xxajbxxx")).isEqualTo(8);
        assertThat(terms.score("xxajxxx")).isEqualTo(7);
    }

    @Test
    void scoreWhenTermsOverlapThenFewestPoints() {
        BannedTerms terms = BannedTerms.of(List.of("football", "ballroom"));
        assertThat(terms.score("footballroom")).isEqualTo(5); // football + r,o,o,m or foot... + ballroom
    }

    @Test
    void scoreWhenTermTwiceThenTwoPoints() {
        assertThat(contosoBlank.score("blankblank")).isEqualTo(2);
    }

    @Test
    void scoreWhenNullOrEmptyThenZero() {
        assertThat(contosoBlank.score(null)).isZero();
        assertThat(contosoBlank.score("")).isZero();
    }

    @Test
    void scoreWhenShortTermsThenIgnored() {
        BannedTerms terms = BannedTerms.of(java.util.Arrays.asList("abc", null, "  "));
        assertThat(terms.size()).isZero();
        assertThat(terms.score("abcabcab")).isEqualTo(8);
    }

    @Test
    void extraSubstitutionsCatchWhatAzuresFourMiss() {
        BannedTerms azure = BannedTerms.of(List.of("password", "winter", "trust", "hello"), PasswordNormalizer.AZURE);
        BannedTerms ours = BannedTerms.of(List.of("password", "winter", "trust", "hello"));
        for (String password : List.of("P@55w0rd", "W!nt3r", "+ru57", "H3||0", "P4$5w0rd")) {
            assertThat(azure.matchesAnywhere(password))
                    .as("Azure's four on %s", password)
                    .isFalse();
            assertThat(ours.matchesAnywhere(password))
                    .as("our substitutions on %s", password)
                    .isTrue();
        }
    }

    @Test
    void accentFoldingCatchesWhatAzuresFourMiss() {
        BannedTerms azure = BannedTerms.of(List.of("wachtwoord"), PasswordNormalizer.AZURE);
        BannedTerms ours = BannedTerms.of(List.of("wachtwoord"));
        assertThat(azure.matchesAnywhere("Wàchtwöörd")).isFalse();
        assertThat(ours.matchesAnywhere("Wàchtwöörd")).isTrue();
    }

    @Test
    void scoreWhenListsUseDifferentNormalizersThenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> contosoBlank.score("x", BannedTerms.empty()));
    }

    @Test
    void globalListHasCommonPasswordsWordsAndYears() {
        BannedTerms global = BannedTerms.global();
        assertThat(global.size()).isGreaterThan(3000);
        assertThat(global.bytes()).isLessThan(4L << 20);
        assertThat(global.score("password")).isEqualTo(1);
        assertThat(global.score("Wachtwoord")).isEqualTo(1);
        assertThat(global.score("Welkom2026")).isEqualTo(2);
        assertThat(global.score("qwerty123")).isLessThan(5);
        assertThat(global.score("Zomer2024!")).isLessThan(5);
        assertThat(global.score("vq7#Lk2pXz")).isEqualTo(10);
    }

    @Test
    void globalListHasWhatZxcvbnsOwnListsLeaveOut() {
        BannedTerms global = BannedTerms.global();
        assertThat(global.score("Jennifer"))
                .as("a name zxcvbn 4.4.2 moved to its name list")
                .isEqualTo(1);
        assertThat(global.score("654321"))
                .as("only in zxcvbn 4.4.2, not in language-common")
                .isEqualTo(1);
        assertThat(global.score("aaaaaaaa"))
                .as("repeats, which zxcvbn matches by pattern")
                .isEqualTo(2);
        assertThat(global.score("abcdefgh")).as("runs").isEqualTo(2);
        assertThat(global.score("98765432")).isEqualTo(2);
    }

    @Test
    void globalListFileStaysCompactAndNormalised() {
        List<String> terms = BannedTerms.globalTerms();
        assertThat(terms).doesNotHaveDuplicates().allSatisfy(term -> {
            assertThat(PasswordNormalizer.length(term)).isBetween(4, 16);
            assertThat(term).isEqualTo(PasswordNormalizer.nfkc(term).toLowerCase(java.util.Locale.ROOT));
        });
        assertThat(String.join("\n", terms).length()).isLessThan(1 << 20);
        // The longest term sets how long a window of every password is looked up (docs/banned-terms.md).
        assertThat(terms.stream().mapToInt(PasswordNormalizer::length).max().orElseThrow())
                .isLessThanOrEqualTo(13);
    }
}
