package org.opensspr.reset;

import java.util.List;
import org.opensspr.passwordpolicy.Violation;
import org.opensspr.policy.MethodType;
import org.opensspr.system.CodedProblem;
import org.opensspr.system.ProblemCode;
import org.opensspr.system.Problems;

/**
 * The problems (RFC 9457) a reset flow answers with, by code; their texts ({@code problem.*} in
 * the message bundles) speak to the user and reveal nothing about accounts.
 */
final class FlowProblems {

    private FlowProblems() {}

    static CodedProblem flowNotFound() {
        return Problems.of(ProblemCode.FLOW_NOT_FOUND);
    }

    static CodedProblem captchaInvalid() {
        return Problems.of(ProblemCode.CAPTCHA_INVALID);
    }

    static CodedProblem contactRequired(MethodType type) {
        return Problems.of(
                type == MethodType.SMS ? ProblemCode.CONTACT_REQUIRED_SMS : ProblemCode.CONTACT_REQUIRED_EMAIL);
    }

    static CodedProblem unknownMethod(String methodId) {
        return Problems.of(ProblemCode.UNKNOWN_METHOD, methodId);
    }

    static CodedProblem codeInvalid() {
        return Problems.of(ProblemCode.CODE_INVALID);
    }

    static CodedProblem answersInvalid() {
        return Problems.of(ProblemCode.ANSWERS_INVALID);
    }

    static CodedProblem unlockNotAllowed() {
        return Problems.of(ProblemCode.UNLOCK_NOT_ALLOWED);
    }

    static CodedProblem tooManyAttempts() {
        return Problems.of(ProblemCode.TOO_MANY_ATTEMPTS);
    }

    static CodedProblem notVerified(int remaining) {
        CodedProblem e = Problems.of(ProblemCode.VERIFICATION_REQUIRED, remaining);
        e.getBody().setProperty("remaining", remaining);
        return e;
    }

    /** The detail names the first violation; each violation's message is already in the caller's language. */
    static CodedProblem passwordRejected(List<Violation> violations) {
        // Every violation, not the first only: the user fixes them all in one go.
        CodedProblem e = Problems.of(
                ProblemCode.PASSWORD_REJECTED,
                String.join(" ", violations.stream().map(Violation::message).toList()));
        e.getBody().setProperty("violations", violations);
        return e;
    }
}
