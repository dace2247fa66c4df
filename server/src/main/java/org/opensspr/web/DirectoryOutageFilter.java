package org.opensspr.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.opensspr.directory.DirectoryUnavailableException;
import org.opensspr.system.CodedProblem;
import org.opensspr.system.ProblemCode;
import org.opensspr.system.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A directory outage met while signing in (a password bind, the admin-group lookup) is answered
 * from {@link DirectoryUnavailableException} itself ({@code 503}, its {@code Retry-After}), like the
 * same outage in a controller: the client tries again, a
 * balancer sees a busy node, nobody sees a {@code 500}. In the security chains, before the
 * sign-in filters; the API answers the {@code directory-unavailable} problem, the portal its
 * error page.
 */
final class DirectoryOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DirectoryOutageFilter.class);

    private final ProblemResponses problems;
    private final boolean pages;

    /** @param pages true for the portal (an error page), false for the API (a problem document) */
    DirectoryOutageFilter(ProblemResponses problems, boolean pages) {
        this.problems = problems;
        this.pages = pages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (DirectoryUnavailableException e) {
            if (response.isCommitted()) {
                throw e;
            }
            log.warn("Sign-in from {} answered 503: the directory is unavailable", request.getRemoteAddr());
            response.resetBuffer();
            e.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            if (pages) {
                response.sendError(e.getStatusCode().value());
            } else {
                CodedProblem atSignIn = Problems.of(ProblemCode.DIRECTORY_UNAVAILABLE_AT_SIGN_IN);
                atSignIn.getBody().setProperties(e.getBody().getProperties()); // the reason
                problems.write(response, problems.render(request, atSignIn));
            }
        }
    }
}
