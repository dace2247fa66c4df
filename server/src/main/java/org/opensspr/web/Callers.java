package org.opensspr.web;

import jakarta.servlet.http.HttpServletRequest;
import org.opensspr.audit.Caller;
import org.opensspr.audit.ClientType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who made a request: the authenticated name (or anonymous), the client's IP address (the
 * socket's peer; behind a trusted proxy Boot's forwarded-header support rewrites it), and the
 * ClientType: {@code Api} for a bearer-token caller, {@code Browser} otherwise.
 */
public final class Callers {

    private Callers() {
    }

    public static Caller from(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = authentication != null && authentication.isAuthenticated()
                && !"anonymousUser".equals(authentication.getName());
        ClientType type = signedIn && authentication.getAuthorities().stream()
                .anyMatch(a -> BootstrapTokenFilter.API_AUTHORITY.equals(a.getAuthority())) ? ClientType.Api : ClientType.Browser;
        return new Caller(signedIn ? authentication.getName() : null, request.getRemoteAddr(), type);
    }
}
