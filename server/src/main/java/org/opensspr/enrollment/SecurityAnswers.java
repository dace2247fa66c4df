package org.opensspr.enrollment;

import java.util.ArrayList;
import java.util.List;
import org.opensspr.system.Problems;
import org.springframework.context.MessageSourceResolvable;

/**
 * The rules for one registration of security answers and for the text of a custom question,
 * checked before anything is hashed or stored. Answers are {@value #MIN_ANSWER_LENGTH} to
 * {@value #MAX_ANSWER_LENGTH} characters and no two alike, both judged on the {@link
 * AnswerNormalizer normalised} form with characters counted as code points (an emoji is one).
 * How many questions a user registers is the policy's business, not checked here.
 */
public final class SecurityAnswers {

    public static final int MIN_ANSWER_LENGTH = 3;
    public static final int MAX_ANSWER_LENGTH = 40;
    public static final int MIN_QUESTION_LENGTH = 3;
    public static final int MAX_QUESTION_LENGTH = 200;

    private SecurityAnswers() {}

    /**
     * What is wrong with a registration's answers, in the order of the questions, as sentences a
     * user can act on (the {@code answers.*} texts, rendered in the user's language); empty when the
     * answers are fine. Answers may be raw or already normalised
     * (normalising is idempotent); a null answer counts as empty. Answers with a length problem are
     * not also compared, so one mistake gives one message. The answers themselves never appear in
     * a message.
     *
     * @throws IllegalArgumentException when the list is null
     */
    public static List<MessageSourceResolvable> problems(List<String> answers) {
        if (answers == null) {
            throw new IllegalArgumentException("answers cannot be null");
        }
        List<MessageSourceResolvable> problems = new ArrayList<>();
        List<String> normalized = new ArrayList<>(answers.size());
        for (int i = 0; i < answers.size(); i++) {
            String answer = AnswerNormalizer.normalize(answers.get(i));
            int length = answer.codePointCount(0, answer.length());
            if (length < MIN_ANSWER_LENGTH) {
                problems.add(Problems.text("answers.tooShort", i + 1, MIN_ANSWER_LENGTH));
                normalized.add(null);
            } else if (length > MAX_ANSWER_LENGTH) {
                problems.add(Problems.text("answers.tooLong", i + 1, MAX_ANSWER_LENGTH));
                normalized.add(null);
            } else {
                int earlier = normalized.indexOf(answer);
                if (earlier >= 0) {
                    problems.add(Problems.text("answers.same", earlier + 1, i + 1));
                }
                normalized.add(answer);
            }
        }
        return List.copyOf(problems);
    }

    /**
     * The text of a custom question, stripped of surrounding whitespace.
     *
     * @throws IllegalArgumentException when the text is null, shorter than {@value #MIN_QUESTION_LENGTH}
     *         or longer than {@value #MAX_QUESTION_LENGTH} characters (code points) after stripping, or
     *         contains a control character such as a line break
     */
    public static String checkCustomQuestion(String text) {
        String question = text == null ? "" : text.strip();
        int length = question.codePointCount(0, question.length());
        if (length < MIN_QUESTION_LENGTH || length > MAX_QUESTION_LENGTH) {
            throw new IllegalArgumentException("A custom question must be " + MIN_QUESTION_LENGTH + " to "
                    + MAX_QUESTION_LENGTH + " characters long; this one has " + length + ".");
        }
        if (question.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("A custom question must be one line without control characters.");
        }
        return question;
    }
}
