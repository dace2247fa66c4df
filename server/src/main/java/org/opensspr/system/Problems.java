package org.opensspr.system;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpHeaders;

/**
 * Builds the RFC 9457 problems features throw: a {@link ProblemCode} and its arguments, rendered
 * in the caller's language by the web layer ({@link CodedProblem}).
 */
public final class Problems {

    private Problems() {}

    public static CodedProblem of(ProblemCode code, Object... args) {
        return new CodedProblem(code, null, args);
    }

    /** A text from the message bundles as an argument of a problem, rendered in the problem's language. */
    public static MessageSourceResolvable text(String key, Object... args) {
        return new DefaultMessageSourceResolvable(new String[] {key}, args);
    }

    /**
     * {@code 429 too-many-attempts} with {@code Retry-After}: what a password check the sign-in
     * throttle refused answers inside a feature (change password, step-up); the filters' own
     * answer is {@code sign-in-throttled}.
     */
    public static CodedProblem tooManyAttempts(long retryAfterSeconds, long retryAfterMinutes) {
        CodedProblem problem = of(ProblemCode.TOO_MANY_PASSWORD_ATTEMPTS, retryAfterMinutes);
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return problem;
    }
}
