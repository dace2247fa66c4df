package org.opensspr.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** Writes a problem detail straight to a servlet response, for answers given before any controller runs. */
@Component
final class ProblemResponses {

    private final ObjectMapper json;
    private final MessageSource messages;

    ProblemResponses(ObjectMapper json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    /**
     * A password sign-in that must wait ({@code SignInThrottle}): 429 with {@code Retry-After}, the
     * detail in the request's language. The same for every login, known or not.
     */
    void writeThrottled(HttpServletResponse response, long retryAfterSeconds, long retryAfterMinutes)
            throws IOException {
        Locale locale = LocaleContextHolder.getLocale();
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        write(
                response,
                problem(
                        429,
                        "sign-in-throttled",
                        messages.getMessage("login.throttled.title", null, locale),
                        messages.getMessage("login.throttled", new Object[] {retryAfterMinutes}, locale)));
    }

    void write(HttpServletResponse response, int status, String type, String title, String detail) throws IOException {
        write(response, problem(status, type, title, detail));
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

    /** {@code problem} as its JSON document. */
    String json(ProblemDetail problem) {
        return json.writeValueAsString(problem);
    }

    /** Seconds a client waits before it tries again after {@link #busy()}. */
    static final String BUSY_RETRY_AFTER = "1";

    /** The database gave no connection in time or went away: the node is busy, not broken (503). */
    static ProblemDetail busy() {
        return problem(503, "server-busy", "Server busy", "The server is busy. Please try again in a moment.");
    }

    /** A problem of type {@code https://opensspr.org/problems/<type>}. */
    static ProblemDetail problem(int status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        problem.setType(URI.create("https://opensspr.org/problems/" + type));
        problem.setTitle(title);
        return problem;
    }
}
