package org.opensspr.reset;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opensspr.audit.Caller;
import org.opensspr.enrollment.Question;
import org.opensspr.enrollment.QuestionChecks;
import org.opensspr.enrollment.TotpChecks;
import org.opensspr.notify.Message;
import org.opensspr.notify.MessageTexts;
import org.opensspr.notify.NotificationOutbox;
import org.opensspr.policy.MethodType;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.secrets.Digests;
import org.opensspr.system.Languages;
import org.springframework.stereotype.Component;

/**
 * The verification gates of a flow, one per method type: a code sent by email or SMS, an
 * authenticator code, or security questions. A decoy flow goes through the same motions (it
 * stores a code nobody knows, picks catalog questions) and never passes.
 */
@Component
class Gates {

    static final int CODE_DIGITS = 8;
    static final int CODE_MINUTES = 5;

    private final JdbcResetFlowRepository flows;
    private final NotificationOutbox outbox;
    private final MessageTexts texts;
    private final TotpChecks totp;
    private final QuestionChecks questions;
    private final Digests digests;
    private final Decoys decoys;
    private final Clock clock;

    Gates(
            JdbcResetFlowRepository flows,
            NotificationOutbox outbox,
            MessageTexts texts,
            TotpChecks totp,
            QuestionChecks questions,
            Digests digests,
            Decoys decoys,
            Clock clock) {
        this.flows = flows;
        this.outbox = outbox;
        this.texts = texts;
        this.totp = totp;
        this.questions = questions;
        this.digests = digests;
        this.decoys = decoys;
        this.clock = clock;
    }

    /** Whether this gate sends something that the per-login code limit must count. */
    static boolean sendsCode(MethodType type) {
        return type == MethodType.EMAIL || type == MethodType.SMS;
    }

    /**
     * Opens the gate: sends a code (email, SMS; only when {@code send}), or picks the policy's
     * {@code questionsToReset} questions (a decoy from the ones {@link Decoys} says it registered).
     * Returns the questions to show, empty for the other types.
     */
    List<Question> open(ResetFlow flow, FlowMethod method, boolean send, SsprPolicy policy, Locale locale) {
        switch (method.type()) {
            case EMAIL, SMS -> {
                String code = Digests.newCode(CODE_DIGITS);
                flows.saveChallenge(
                        flow.idHash(),
                        method.id(),
                        codeHash(flow, method.id(), flow.decoy() ? Digests.newToken() : code),
                        clock.instant().plus(Duration.ofMinutes(CODE_MINUTES)),
                        null);
                if (send && !flow.decoy()) {
                    outbox.enqueue(message(method, code));
                }
                return List.of();
            }
            case QUESTIONS -> {
                List<Question> picked = flow.decoy()
                        ? questions.pickStandIn(
                                flow.login(),
                                decoys.questionIds(flow.login(), policy),
                                policy.questionsToReset(),
                                locale)
                        : questions.pick(flow.login(), policy.questionsToReset(), locale);
                flows.saveChallenge(
                        flow.idHash(),
                        method.id(),
                        Digests.sha256(Digests.newToken()),
                        clock.instant().plus(Duration.ofMinutes(CODE_MINUTES)),
                        String.join(",", picked.stream().map(Question::id).toList()));
                return picked;
            }
            default -> {
                return List.of();
            }
        }
    }

    /** Whether the user passed the gate. A code or a set of questions is used up either way. */
    boolean passes(ResetFlow flow, FlowMethod method, String code, Map<String, String> answers, Caller caller) {
        if (flow.decoy()) {
            flows.deleteChallenge(flow.idHash(), method.id());
            if (method.type() == MethodType.QUESTIONS && answers != null) {
                questions.matches(
                        flow.login(), List.copyOf(answers.keySet()), answers); // same Argon2id work as a real check
            }
            return false;
        }
        return switch (method.type()) {
            case EMAIL, SMS ->
                code != null
                        && code.strip().matches("[0-9]{" + CODE_DIGITS + "}")
                        && flows.consumeChallenge(
                                flow.idHash(), method.id(), codeHash(flow, method.id(), code.strip()), clock.instant());
            case TOTP -> code != null && totp.matches(flow.login(), code);
            case QUESTIONS -> {
                List<String> asked = flows.askedQuestions(flow.idHash(), method.id(), clock.instant());
                flows.deleteChallenge(flow.idHash(), method.id()); // a wrong answer re-picks the questions
                yield !asked.isEmpty() && answers != null && questions.matches(flow.login(), asked, answers);
            }
        };
    }

    /** The code in the account's preferred language, else the request's ({@link FlowMethod#language()}). */
    private Message message(FlowMethod method, String code) {
        Locale locale = Languages.forRecipient(Optional.ofNullable(method.language()));
        return method.type() == MethodType.SMS
                ? texts.sms(Message.Kind.RESET_CODE, method.address(), locale, code, CODE_MINUTES)
                : texts.email(Message.Kind.RESET_CODE, method.address(), locale, code, CODE_MINUTES);
    }

    private String codeHash(ResetFlow flow, String methodId, String code) {
        return digests.hmac(flow.idHash() + ":" + methodId + ":" + code);
    }
}
