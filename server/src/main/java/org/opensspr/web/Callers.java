package org.opensspr.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.opensspr.audit.Caller;
import org.opensspr.audit.ClientType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who made a request: the authenticated name (or anonymous), the client's IP address (the
 * socket's peer; behind a proxy listed in {@code sspr.trusted-proxy}, the client that
 * {@link TrustedProxyValve} found in its forwarded headers), and the
 * ClientType: {@code Api} for a bearer-token caller, {@code LogonScreen} for a logon session
 * (the actor names its device), {@code Browser} otherwise.
 */
public final class Callers {

    private Callers() {}

    public static Caller from(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = authentication != null
                && authentication.isAuthenticated()
                && !"anonymousUser".equals(authentication.getName());
        ClientType type = ClientType.Browser;
        if (signedIn && has(authentication, BootstrapTokenFilter.API_AUTHORITY)) {
            type = ClientType.Api;
        } else if (signedIn && has(authentication, BootstrapTokenFilter.LOGON_SESSION_AUTHORITY)) {
            type = ClientType.LogonScreen;
        }
        return new Caller(signedIn ? authentication.getName() : null, request.getRemoteAddr(), type);
    }

    /** The SHA-256 of the logon session's token, when a logon session makes this request. */
    public static Optional<String> logonSession() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.isAuthenticated()
                && has(authentication, BootstrapTokenFilter.LOGON_SESSION_AUTHORITY)
                && authentication.getDetails() instanceof String hash) {
            return Optional.of(hash);
        }
        return Optional.empty();
    }

    private static boolean has(Authentication authentication, String authority) {
        return authentication.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }
}
