package org.opensspr.system;

import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Builds the RFC 9457 problems features throw; each answers with its own status, type, title and user-facing detail. */
public final class Problems {

    private Problems() {}

    public static ErrorResponseException of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create("https://opensspr.org/problems/" + type));
        body.setTitle(title);
        return new ErrorResponseException(status, body, null);
    }

    /**
     * {@code 429 too-many-attempts} with {@code Retry-After}, in the request's language: what a
     * password check the sign-in throttle refused answers inside a feature (change password,
     * step-up); the filters' own answer is {@code sign-in-throttled}.
     */
    public static ErrorResponseException tooManyAttempts(
            MessageSource messages, long retryAfterSeconds, long retryAfterMinutes) {
        Locale locale = LocaleContextHolder.getLocale();
        ErrorResponseException problem = of(
                HttpStatus.TOO_MANY_REQUESTS,
                "too-many-attempts",
                messages.getMessage("login.throttled.title", null, locale),
                messages.getMessage("login.throttled", new Object[] {retryAfterMinutes}, locale));
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return problem;
    }
}
