package org.opensspr.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.opensspr.system.DatabaseOutages;
import org.opensspr.system.ProblemCode;
import org.opensspr.system.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * The database went away under a request outside any controller: loading or saving the portal
 * session ({@link SharedSessions}), or counting a sign-in in a security filter. Answered as
 * {@link ProblemAdvice} answers the same inside a controller: {@code 503} with {@code Retry-After},
 * the {@code server-busy} problem for the API, a short page in the user's language for the portal;
 * never Tomcat's {@code 500}. A browser that comes back once the database is back finds its session
 * where it was. Runs first, around the session filter.
 */
final class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    private final ProblemResponses problems;
    private final MessageSource messages;
    private final LocaleResolver locales;

    DatabaseOutageFilter(ProblemResponses problems, MessageSource messages, LocaleResolver locales) {
        this.problems = problems;
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (response.isCommitted() || !DatabaseOutages.isOutage(e)) {
                throw e;
            }
            log.warn(
                    "{} {} answered 503: the database is unavailable ({})",
                    request.getMethod(),
                    request.getRequestURI(),
                    e.getMessage());
            response.resetBuffer();
            response.setHeader(HttpHeaders.RETRY_AFTER, ProblemResponses.BUSY_RETRY_AFTER);
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            if (request.getRequestURI().startsWith("/api/")) {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                write(response, problems.json(problems.render(request, Problems.of(ProblemCode.SERVER_BUSY))));
            } else {
                response.setContentType("text/html;charset=UTF-8");
                response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                write(response, page(locales.resolveLocale(request)));
            }
        }
    }

    /** A short page in the user's language, from the message bundles; the portal's stylesheet, no script. */
    String page(Locale locale) {
        String title = HtmlUtils.htmlEscape(messages.getMessage("error.busy.title", null, locale));
        String text = HtmlUtils.htmlEscape(messages.getMessage("error.busy", null, locale));
        return "<!DOCTYPE html>\n<html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + title + " - OpenSSPR</title><link rel=\"stylesheet\" href=\"/css/portal.css\"></head>"
                + "<body><main id=\"main\"><h1>" + title + "</h1><p>" + text + "</p></main></body></html>\n";
    }

    /** Writes through the writer when the failed request had already taken it, else through the stream. */
    private static void write(HttpServletResponse response, String body) throws IOException {
        try {
            response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        } catch (IllegalStateException writerTaken) {
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(body);
        }
    }
}
