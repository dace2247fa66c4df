package org.opensspr.reset;

import java.util.List;
import org.opensspr.passwordpolicy.Violation;
import org.opensspr.policy.MethodType;
import org.opensspr.system.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The problems (RFC 9457) a reset flow answers with. Messages speak to the user and reveal nothing about accounts. */
final class FlowProblems {

    private FlowProblems() {}

    static ErrorResponseException flowNotFound() {
        return problem(
                HttpStatus.NOT_FOUND,
                "flow-not-found",
                "Reset not found",
                "This password reset has expired or does not exist. Please start again.");
    }

    static ErrorResponseException captchaInvalid() {
        return problem(
                HttpStatus.BAD_REQUEST,
                "captcha-invalid",
                "Check failed",
                "The browser check did not pass or has expired. Reload the page and try again.");
    }

    static ErrorResponseException contactRequired(MethodType type) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "contact-required",
                "Confirm where to send the code",
                type == MethodType.SMS
                        ? "Type your full mobile phone number; the code goes to it only if it matches."
                        : "Type your full email address; the code goes to it only if it matches.");
    }

    static ErrorResponseException unknownMethod(String methodId) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "unknown-method",
                "Unknown method",
                "This reset offers no method '" + methodId + "'. Use one of the methods it listed.");
    }

    static ErrorResponseException codeInvalid() {
        return problem(
                HttpStatus.BAD_REQUEST,
                "code-invalid",
                "Code not accepted",
                "The code is wrong or has expired. Check it, or ask for a new code.");
    }

    static ErrorResponseException answersInvalid() {
        return problem(
                HttpStatus.BAD_REQUEST,
                "answers-invalid",
                "Answers not accepted",
                "One or more answers are wrong. Ask for the questions again: you will get a new set.");
    }

    static ErrorResponseException unlockNotAllowed() {
        return problem(
                HttpStatus.FORBIDDEN,
                "unlock-not-allowed",
                "Unlock not offered",
                "Unlocking without a new password is not enabled here. Choose a new password instead.");
    }

    static ErrorResponseException tooManyAttempts() {
        return problem(
                HttpStatus.TOO_MANY_REQUESTS,
                "too-many-attempts",
                "Too many attempts",
                "There were too many attempts in this reset. Please start again.");
    }

    static ErrorResponseException notVerified(int remaining) {
        ErrorResponseException e = problem(
                HttpStatus.FORBIDDEN,
                "verification-required",
                "Verification required",
                "Pass " + remaining + " more verification step" + (remaining == 1 ? "" : "s")
                        + " before choosing a new password.");
        e.getBody().setProperty("remaining", remaining);
        return e;
    }

    static ErrorResponseException passwordRejected(List<Violation> violations) {
        ErrorResponseException e = problem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "password-rejected",
                "Password not accepted",
                "The new password does not meet the password policy: "
                        + violations.get(0).message());
        e.getBody().setProperty("violations", violations);
        return e;
    }

    private static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
        return Problems.of(status, type, title, detail);
    }
}
