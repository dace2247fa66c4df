package org.opensspr.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.opensspr.apikeys.ApiKeyService;
import org.opensspr.devices.LogonSessionService;
import org.opensspr.secrets.Digests;
import org.opensspr.system.ProblemCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bearer tokens: {@code sspr.bootstrap.admin-token} acts as a global admin of the admin API,
 * for automation (compared by SHA-256 digest in constant time); an admin-issued API key acts as
 * {@code api-key:<name>}, which may start reset flows without a CAPTCHA and nothing else. Both
 * are ClientType {@code Api}. A logon session token acts as its device's sign-in screen
 * (ClientType {@code LogonScreen}) on the reset flow ({@code /api/v1/reset/**}) only; anywhere
 * else it is refused. A wrong bearer token is answered 401 at once (logged with the client's
 * address, never the token).
 */
final class BootstrapTokenFilter extends OncePerRequestFilter {

    static final String API_AUTHORITY = "CLIENT_API";
    static final String LOGON_SESSION_AUTHORITY = "LOGON_SESSION";
    private static final Logger log = LoggerFactory.getLogger(BootstrapTokenFilter.class);

    private final String tokenDigest;
    private final ApiKeyService apiKeys;
    private final LogonSessionService logonSessions;
    private final ProblemResponses problems;

    /** @param token the configured token, or null/blank when none is configured (only API keys and logon sessions are then accepted) */
    BootstrapTokenFilter(
            String token, ApiKeyService apiKeys, LogonSessionService logonSessions, ProblemResponses problems) {
        this.tokenDigest = token == null || token.isBlank() ? null : Digests.sha256(token);
        this.apiKeys = apiKeys;
        this.logonSessions = logonSessions;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String presented = header.substring(7).strip();
        if (tokenDigest != null && Digests.constantTimeEquals(tokenDigest, Digests.sha256(presented))) {
            var authentication = UsernamePasswordAuthenticationToken.authenticated(
                    "bootstrap-token",
                    null,
                    List.of(new SimpleGrantedAuthority("ROLE_ADMIN"), new SimpleGrantedAuthority(API_AUTHORITY)));
            SecurityContextHolder.getContext().setAuthentication(authentication);
            chain.doFilter(request, response);
            return;
        }
        Optional<String> apiKey = apiKeys.nameOf(presented);
        if (apiKey.isPresent()) {
            SecurityContextHolder.getContext()
                    .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                            "api-key:" + apiKey.get(), null, List.of(new SimpleGrantedAuthority(API_AUTHORITY))));
            chain.doFilter(request, response);
            return;
        }
        Optional<LogonSessionService.LogonSession> session = logonSessions.find(presented);
        if (session.isPresent()) {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            if (!path.startsWith("/api/v1/reset/")) {
                problems.write(request, response, ProblemCode.LOGON_SESSION_ELSEWHERE);
                return;
            }
            var authentication = UsernamePasswordAuthenticationToken.authenticated(
                    session.get().device(), null, List.of(new SimpleGrantedAuthority(LOGON_SESSION_AUTHORITY)));
            authentication.setDetails(session.get().tokenHash());
            SecurityContextHolder.getContext().setAuthentication(authentication);
            chain.doFilter(request, response);
            return;
        }
        log.warn("Refused a bearer token from {}", request.getRemoteAddr());
        problems.write(request, response, ProblemCode.BEARER_TOKEN_INVALID);
    }
}
