package org.opensspr.reset;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.opensspr.system.ProblemCode;
import org.opensspr.system.Problems;
import org.opensspr.throttle.Throttle;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * The budget of password checks of one flow or one user ({@link PasswordCheckProperties}), in the
 * shared {@link Throttle} so that every node counts the same checks. A refused check is not counted,
 * so a client that waits as {@code Retry-After} says gets its next check. Only the subject and the
 * time are stored, never anything about the password.
 */
@Component
class PasswordCheckBudget {

    static final Duration MINUTE = Duration.ofMinutes(1);
    /** The longest window the throttle keeps: longer than any flow lives. */
    static final Duration TOTAL_WINDOW = Duration.ofHours(24);

    private final Throttle throttle;
    private final PasswordCheckProperties limits;
    private final Clock clock;

    PasswordCheckBudget(Throttle throttle, PasswordCheckProperties limits, Clock clock) {
        this.throttle = throttle;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Counts one check for {@code subject}.
     *
     * @throws ErrorResponseException {@code 429 too-many-requests} with {@code Retry-After} (the seconds
     *     until the oldest check in the full window leaves it) when the budget is spent; nothing is counted
     */
    void spend(String subject) {
        refuseWhenSpent(throttle.span(subject, MINUTE), limits.perMinute(), MINUTE);
        refuseWhenSpent(throttle.span(subject, TOTAL_WINDOW), limits.total(), TOTAL_WINDOW);
        throttle.count(subject, MINUTE);
    }

    private void refuseWhenSpent(Throttle.Span span, int limit, Duration window) {
        if (span.count() < limit) {
            return;
        }
        Instant free = span.oldest() == null
                ? clock.instant().plus(window)
                : span.oldest().plus(window);
        long seconds = Math.max(1, Duration.between(clock.instant(), free).toSeconds() + 1);
        ErrorResponseException problem = Problems.of(ProblemCode.TOO_MANY_PASSWORD_CHECKS);
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        throw problem;
    }
}
