package org.opensspr.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a signed-in portal session that a password reset or change ended ({@link SessionEpochs}),
 * or that signed in longer ago than its absolute lifetime ({@link SessionProperties#maxLifetime()}):
 * the session is invalidated and the request goes on unauthenticated, so a page that needs a
 * signed-in user sends the browser to sign in again. A session without a sign-in instant (signed in
 * before this check existed) counts as signed in at the start of time.
 */
final class EndedSessionFilter extends OncePerRequestFilter {

    private final SessionEpochs epochs;
    private final Duration maxLifetime;

    EndedSessionFilter(SessionEpochs epochs, Duration maxLifetime) {
        this.epochs = epochs;
        this.maxLifetime = maxLifetime;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (session != null
                && authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            Object signedInAt = session.getAttribute(SessionEpochs.SIGNED_IN_AT);
            Instant at = Instant.ofEpochMilli(signedInAt instanceof Long millis ? millis : 0L);
            if (epochs.now().isAfter(at.plus(maxLifetime)) || epochs.ended(authentication.getName(), at)) {
                session.invalidate();
                SecurityContextHolder.clearContext();
            }
        }
        chain.doFilter(request, response);
    }
}
