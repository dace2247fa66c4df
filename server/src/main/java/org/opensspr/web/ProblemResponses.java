package org.opensspr.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.opensspr.system.CodedProblem;
import org.opensspr.system.ProblemCode;
import org.opensspr.system.Problems;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes a problem detail straight to a servlet response, for answers given before any controller
 * runs (filters, security entry points), with its title and detail from the message bundles in the
 * request's language as a controller would have it ({@link PortalLocaleConfiguration}: the
 * language cookie, else {@code Accept-Language}).
 */
@Component
final class ProblemResponses {

    private final ObjectMapper json;
    private final MessageSource messages;
    private final LocaleResolver locales;

    ProblemResponses(ObjectMapper json, MessageSource messages, LocaleResolver locales) {
        this.json = json;
        this.messages = messages;
        this.locales = locales;
    }

    /**
     * A password sign-in that must wait ({@code SignInThrottle}): 429 with {@code Retry-After}, the
     * detail in the request's language. The same for every login, known or not.
     */
    void writeThrottled(
            HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds, long retryAfterMinutes)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        write(request, response, ProblemCode.SIGN_IN_THROTTLED, retryAfterMinutes);
    }

    /** Writes the problem {@code code} with {@code args}, in the request's language. */
    void write(HttpServletRequest request, HttpServletResponse response, ProblemCode code, Object... args)
            throws IOException {
        write(response, render(request, Problems.of(code, args)));
    }

    /** Writes {@code problem} with its status (a 401 also names the Basic realm). */
    void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (problem.getStatus() == 401) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"OpenSSPR\"");
        }
        json.writeValue(response.getOutputStream(), problem);
    }

    /** {@code problem}'s body with its title and detail in the request's language. */
    ProblemDetail render(HttpServletRequest request, CodedProblem problem) {
        return render(problem, locales.resolveLocale(request));
    }

    /** {@code problem}'s body with its title and detail in {@code locale}. */
    ProblemDetail render(CodedProblem problem, Locale locale) {
        return problem.render(messages, locale);
    }

    /** {@code problem} as its JSON document. */
    String json(ProblemDetail problem) {
        return json.writeValueAsString(problem);
    }

    /** Seconds a client waits before it tries again after {@link ProblemCode#SERVER_BUSY}. */
    static final String BUSY_RETRY_AFTER = "1";
}
