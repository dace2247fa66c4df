package org.opensspr.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.opensspr.Bundles;
import org.springframework.context.MessageSource;

class SecurityAnswersTests {

    private static final String EMOJI = "\uD83D\uDE00";

    /** The problems as an English-speaking user reads them. */
    private static List<String> english(List<String> answers) {
        MessageSource messages = Bundles.messages();
        return SecurityAnswers.problems(answers).stream()
                .map(problem -> messages.getMessage(problem, Locale.ENGLISH))
                .toList();
    }

    @Test
    void problemsAreInTheUsersLanguage() {
        MessageSource messages = Bundles.messages();
        assertThat(SecurityAnswers.problems(List.of("fluffy", "ab", "fluffy")).stream()
                        .map(problem -> messages.getMessage(problem, Locale.forLanguageTag("nl"))))
                .containsExactly(
                        "Antwoord 2 is te kort: gebruik minstens 3 tekens.",
                        "Antwoord 1 en 3 zijn hetzelfde: geef op elke vraag een ander antwoord.");
    }

    @Test
    void problemsWhenAnswersAreFineThenNone() {
        assertThat(english(List.of("fluffy", "amsterdam", "pizza margherita"))).isEmpty();
    }

    @Test
    void problemsWhenAnswerHasTwoCharactersThenTooShort() {
        assertThat(english(List.of("fluffy", "ab", "pizza")))
                .containsExactly("Answer 2 is too short: use at least 3 characters.");
    }

    @Test
    void problemsWhenAnswerHasThreeCharactersThenFine() {
        assertThat(english(List.of("abc", "fluffy", "pizza"))).isEmpty();
    }

    @Test
    void problemsWhenAnswerHasFortyCharactersThenFine() {
        assertThat(english(List.of("a".repeat(40), "fluffy", "pizza"))).isEmpty();
    }

    @Test
    void problemsWhenAnswerHasFortyOneCharactersThenTooLong() {
        assertThat(english(List.of("fluffy", "pizza", "a".repeat(41))))
                .containsExactly("Answer 3 is too long: use at most 40 characters.");
    }

    @Test
    void problemsCountAnEmojiAsOneCharacter() {
        assertThat(english(List.of("ab" + EMOJI, EMOJI.repeat(40), "pizza"))).isEmpty();
        assertThat(english(List.of("a" + EMOJI, EMOJI.repeat(41), "pizza")))
                .containsExactly(
                        "Answer 1 is too short: use at least 3 characters.",
                        "Answer 2 is too long: use at most 40 characters.");
    }

    @Test
    void problemsJudgeLengthAfterNormalisation() {
        assertThat(english(List.of("  ab \t", "fluffy", "pizza")))
                .containsExactly("Answer 1 is too short: use at least 3 characters.");
        assertThat(english(List.of("a" + " ".repeat(60) + "b", "fluffy", "pizza")))
                .isEmpty();
    }

    @Test
    void problemsWhenAnswerIsNullOrBlankThenTooShort() {
        assertThat(english(Arrays.asList(null, "   ", "pizza")))
                .containsExactly(
                        "Answer 1 is too short: use at least 3 characters.",
                        "Answer 2 is too short: use at least 3 characters.");
    }

    @Test
    void problemsWhenTwoAnswersAreAlikeAfterNormalisationThenSame() {
        assertThat(english(List.of("Fluffy the Cat", "amsterdam", "  FLUFFY\u00A0the   cat")))
                .containsExactly("Answers 1 and 3 are the same: use a different answer for each question.");
        assertThat(english(List.of("ＰＩＺＺＡ", "pizza", "fluffy")))
                .containsExactly("Answers 1 and 2 are the same: use a different answer for each question.");
    }

    @Test
    void problemsWhenAnswersDifferOnlyInAccentsThenFine() {
        assertThat(english(List.of("één", "een", "pizza"))).isEmpty();
    }

    @Test
    void problemsWhenThreeAnswersAreAlikeThenEachRepeatNamesTheFirst() {
        assertThat(english(List.of("pizza", "Pizza", "PIZZA")))
                .containsExactly(
                        "Answers 1 and 2 are the same: use a different answer for each question.",
                        "Answers 1 and 3 are the same: use a different answer for each question.");
    }

    @Test
    void problemsWhenAnswersAreTooShortThenTheyAreNotAlsoReportedAsTheSame() {
        assertThat(english(List.of("ab", "ab", "pizza")))
                .containsExactly(
                        "Answer 1 is too short: use at least 3 characters.",
                        "Answer 2 is too short: use at least 3 characters.");
    }

    @Test
    void problemsNeverRepeatTheAnswer() {
        assertThat(english(List.of("secretanswer", "SecretAnswer", "x")))
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
