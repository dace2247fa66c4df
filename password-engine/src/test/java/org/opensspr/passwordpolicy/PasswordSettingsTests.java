package org.opensspr.passwordpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordSettingsTests {

    @Test
    void defaultsFollowNist() {
        PasswordSettings defaults = PasswordSettings.defaults();
        assertThat(defaults.minLength()).isEqualTo(8);
        assertThat(defaults.maxLength()).isEqualTo(256);
        assertThat(defaults.requireThreeClasses()).isFalse();
        assertThat(defaults.customBannedTerms()).isEmpty();
    }

    @Test
    void lengthsAtTheirLimitsAreAccepted() {
        assertThat(new PasswordSettings(8, 64, null, false, false, false).customBannedTerms())
                .isEmpty();
        assertThat(new PasswordSettings(64, 1024, List.of(), false, false, false).maxLength())
                .isEqualTo(1024);
    }

    @Test
    void minimumBelowEightIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PasswordSettings(7, 256, List.of(), false, false, false))
                .withMessageContaining("minLength must be between 8 and 64")
                .withMessageContaining("it is 7");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PasswordSettings(65, 256, List.of(), false, false, false))
                .withMessageContaining("minLength");
    }

    @Test
    void maximumOutsideRangeOrBelowMinimumIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PasswordSettings(8, 63, List.of(), false, false, false))
                .withMessageContaining("maxLength must be between 64 and 1024");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PasswordSettings(8, 1025, List.of(), false, false, false))
                .withMessageContaining("maxLength must be between 64 and 1024");
    }

    @Test
    void customTermsOfFourAndSixteenCharactersAreAccepted() {
        PasswordSettings settings =
                PasswordSettings.defaults().withCustomBannedTerms(List.of("abcd", "a".repeat(16), " spaced "));
        assertThat(settings.customBannedTerms()).containsExactly("abcd", "a".repeat(16), "spaced");
        assertThat(settings.enforceCustomList()).isTrue();
    }

    @Test
    void customTermsOfThreeOrSeventeenCharactersAreRefusedByName() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PasswordSettings.defaults().withCustomBannedTerms(List.of("abc")))
                .withMessage("Custom banned term \"abc\" has 3 characters; use 4 to 16.");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PasswordSettings.defaults().withCustomBannedTerms(List.of("a".repeat(17))))
                .withMessageContaining("has 17 characters");
    }

    @Test
    void customTermsCountCodePointsAfterNfkc() {
        assertThat(PasswordSettings.defaults()
                        .withCustomBannedTerms(List.of("\uD83D\uDE00".repeat(4)))
                        .customBannedTerms())
                .hasSize(1);
    }

    @Test
    void nullAndBlankCustomTermsAreDropped() {
        PasswordSettings settings =
                PasswordSettings.defaults().withCustomBannedTerms(Arrays.asList("abcd", null, "  "));
        assertThat(settings.customBannedTerms()).containsExactly("abcd");
    }

    @Test
    void thousandCustomTermsAreAcceptedAndOneMoreIsNot() {
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            terms.add("term" + i);
        }
        assertThat(PasswordSettings.defaults().withCustomBannedTerms(terms).customBannedTerms())
                .hasSize(1000);
        terms.add("onemore");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PasswordSettings.defaults().withCustomBannedTerms(terms))
                .withMessage("customBannedTerms has 1001 terms; at most 1000 are allowed.");
    }

    @Test
    void problemsNameTheFirstTenWrongTermsAndCountTheRest() {
        List<String> problems = PasswordSettings.problems(8, 256, Collections.nCopies(15, "abc"));
        assertThat(problems).hasSize(11).last().isEqualTo("And 5 more custom banned terms of the wrong length.");
    }

    @Test
    void customTermWithControlCharacterIsRefused() {
        assertThat(PasswordSettings.problems(8, 256, List.of("ab\u0000cd")))
                .containsExactly("Custom banned terms cannot contain control characters.");
    }

    @Test
    void customTermsCannotBeChangedAfterwards() {
        List<String> terms = new ArrayList<>(List.of("abcd"));
        PasswordSettings settings = PasswordSettings.defaults().withCustomBannedTerms(terms);
        terms.add("efgh");
        assertThat(settings.customBannedTerms()).containsExactly("abcd");
    }

    @Test
    void historySizeIsZeroToTwentyFourAndKeptWhenTheCustomListChanges() {
        assertThat(PasswordSettings.defaults().historySize()).isZero();
        PasswordSettings five = new PasswordSettings(8, 256, List.of(), false, false, true, 5);
        assertThat(five.withCustomBannedTerms(List.of("contoso")).historySize()).isEqualTo(5);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PasswordSettings(8, 256, List.of(), false, false, true, 25))
                .withMessageContaining("historySize");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PasswordSettings(8, 256, List.of(), false, false, true, -1));
    }
}
