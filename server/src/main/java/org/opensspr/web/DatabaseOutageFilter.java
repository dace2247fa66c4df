package org.opensspr.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A database that went away is a {@code 503}, wherever the request met it: in a controller whose
 * commit failed on a connection PostgreSQL closed (a {@link DataAccessResourceFailureException}
 * that {@link ProblemAdvice} does not see, because it is thrown after the handler returned), or
 * in a filter before any controller (the API key lookup of the security chain, the portal's
 * session). Without this, a restart or failover of PostgreSQL answered {@code 500}s, which tell a
 * client nothing and a balancer that the node is broken. The step's transaction did not commit,
 * so trying again is safe. Outside every other filter ({@link DatabaseOutageConfiguration}).
 */
final class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    private final ProblemResponses problems;

    DatabaseOutageFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            Throwable outage = outage(e);
            if (outage == null || response.isCommitted()) {
                throw e;
            }
            log.warn(
                    "{} {} answered 503, the database is unavailable: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    outage.getMessage());
            response.resetBuffer();
            response.setHeader("Retry-After", "1");
            if (request.getRequestURI().startsWith("/api/")
                    || request.getRequestURI().startsWith("/actuator/")) {
                problems.write(
                        response,
                        503,
                        "server-busy",
                        "Server busy",
                        "The server cannot reach its database right now. Please try again in a moment.");
            } else {
                response.sendError(503);
            }
        }
    }

    /** The database failure in {@code e}'s causes, or null when it is something else. */
    static Throwable outage(Throwable e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof TransactionSystemException) {
                return t;
            }
        }
        return null;
    }
}
