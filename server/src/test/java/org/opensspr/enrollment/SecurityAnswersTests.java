package org.opensspr.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SecurityAnswersTests {

    private static final String EMOJI = "\uD83D\uDE00";

    @Test
    void problemsWhenAnswersAreFineThenNone() {
        assertThat(SecurityAnswers.problems(List.of("fluffy", "amsterdam", "pizza margherita")))
                .isEmpty();
    }

    @Test
    void problemsWhenAnswerHasTwoCharactersThenTooShort() {
        assertThat(SecurityAnswers.problems(List.of("fluffy", "ab", "pizza")))
                .containsExactly("Answer 2 is too short: use at least 3 characters.");
    }

    @Test
    void problemsWhenAnswerHasThreeCharactersThenFine() {
        assertThat(SecurityAnswers.problems(List.of("abc", "fluffy", "pizza"))).isEmpty();
    }

    @Test
    void problemsWhenAnswerHasFortyCharactersThenFine() {
        assertThat(SecurityAnswers.problems(List.of("a".repeat(40), "fluffy", "pizza")))
                .isEmpty();
    }

    @Test
    void problemsWhenAnswerHasFortyOneCharactersThenTooLong() {
        assertThat(SecurityAnswers.problems(List.of("fluffy", "pizza", "a".repeat(41))))
                .containsExactly("Answer 3 is too long: use at most 40 characters.");
    }

    @Test
    void problemsCountAnEmojiAsOneCharacter() {
        assertThat(SecurityAnswers.problems(List.of("ab" + EMOJI, EMOJI.repeat(40), "pizza")))
                .isEmpty();
        assertThat(SecurityAnswers.problems(List.of("a" + EMOJI, EMOJI.repeat(41), "pizza")))
                .containsExactly(
                        "Answer 1 is too short: use at least 3 characters.",
                        "Answer 2 is too long: use at most 40 characters.");
    }

    @Test
    void problemsJudgeLengthAfterNormalisation() {
        assertThat(SecurityAnswers.problems(List.of("  ab \t", "fluffy", "pizza")))
                .containsExactly("Answer 1 is too short: use at least 3 characters.");
        assertThat(SecurityAnswers.problems(List.of("a" + " ".repeat(60) + "b", "fluffy", "pizza")))
                .isEmpty();
    }

    @Test
    void problemsWhenAnswerIsNullOrBlankThenTooShort() {
        assertThat(SecurityAnswers.problems(Arrays.asList(null, "   ", "pizza")))
                .containsExactly(
                        "Answer 1 is too short: use at least 3 characters.",
                        "Answer 2 is too short: use at least 3 characters.");
    }

    @Test
    void problemsWhenTwoAnswersAreAlikeAfterNormalisationThenSame() {
        assertThat(SecurityAnswers.problems(List.of("Fluffy the Cat", "amsterdam", "  FLUFFY\u00A0the   cat")))
                .containsExactly("Answers 1 and 3 are the same: use a different answer for each question.");
        assertThat(SecurityAnswers.problems(List.of("ＰＩＺＺＡ", "pizza", "fluffy")))
                .containsExactly("Answers 1 and 2 are the same: use a different answer for each question.");
    }

    @Test
    void problemsWhenAnswersDifferOnlyInAccentsThenFine() {
        assertThat(SecurityAnswers.problems(List.of("één", "een", "pizza"))).isEmpty();
    }

    @Test
    void problemsWhenThreeAnswersAreAlikeThenEachRepeatNamesTheFirst() {
        assertThat(SecurityAnswers.problems(List.of("pizza", "Pizza", "PIZZA")))
                .containsExactly(
                        "Answers 1 and 2 are the same: use a different answer for each question.",
                        "Answers 1 and 3 are the same: use a different answer for each question.");
    }

    @Test
    void problemsWhenAnswersAreTooShortThenTheyAreNotAlsoReportedAsTheSame() {
        assertThat(SecurityAnswers.problems(List.of("ab", "ab", "pizza")))
                .containsExactly(
                        "Answer 1 is too short: use at least 3 characters.",
                        "Answer 2 is too short: use at least 3 characters.");
    }

    @Test
    void problemsNeverRepeatTheAnswer() {
        assertThat(SecurityAnswers.problems(List.of("secretanswer", "SecretAnswer", "x")))
                .noneMatch(problem -> problem.toLowerCase(Locale.ROOT).contains("secretanswer"));
    }

    @Test
    void problemsWhenListIsNullThenRefuses() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SecurityAnswers.problems(null))
                .withMessage("answers cannot be null");
    }

    @Test
    void checkCustomQuestionWhenTwoCharactersThenRefuses() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SecurityAnswers.checkCustomQuestion("ab"))
                .withMessage("A custom question must be 3 to 200 characters long; this one has 2.");
    }

    @Test
    void checkCustomQuestionWhenThreeCharactersThenAccepts() {
        assertThat(SecurityAnswers.checkCustomQuestion("ab?")).isEqualTo("ab?");
    }

    @Test
    void checkCustomQuestionWhenTwoHundredCharactersThenAccepts() {
        String question = "a".repeat(199) + "?";

        assertThat(SecurityAnswers.checkCustomQuestion(question)).isEqualTo(question);
    }

    @Test
    void checkCustomQuestionWhenTwoHundredAndOneCharactersThenRefuses() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SecurityAnswers.checkCustomQuestion("a".repeat(200) + "?"))
                .withMessage("A custom question must be 3 to 200 characters long; this one has 201.");
    }

    @Test
    void checkCustomQuestionCountsCharactersAfterStrip() {
        assertThat(SecurityAnswers.checkCustomQuestion("  Wie was je held?\n")).isEqualTo("Wie was je held?");
        assertThatIllegalArgumentException().isThrownBy(() -> SecurityAnswers.checkCustomQuestion("   ab   "));
        assertThat(SecurityAnswers.checkCustomQuestion(" " + EMOJI.repeat(200) + " "))
                .isEqualTo(EMOJI.repeat(200));
    }

    @Test
    void checkCustomQuestionWhenNullOrControlCharactersThenRefuses() {
        assertThatIllegalArgumentException().isThrownBy(() -> SecurityAnswers.checkCustomQuestion(null));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SecurityAnswers.checkCustomQuestion("Who was\nyour hero?"))
                .withMessageContaining("one line");
        assertThatIllegalArgumentException().isThrownBy(() -> SecurityAnswers.checkCustomQuestion("Who\u0000 was it?"));
    }
}
