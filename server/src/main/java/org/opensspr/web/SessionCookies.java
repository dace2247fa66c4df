package org.opensspr.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.SessionCookieConfig;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.stereotype.Component;

/**
 * The portal's session cookie: always {@code HttpOnly} and {@code SameSite=Lax}; where requests
 * arrive over TLS ({@link ListenerSafetyCheck#secureTransport()}: TLS on the listener or a
 * TLS-terminating trusted proxy) also {@code Secure} and named {@value #SECURE_NAME}, so that a
 * browser only sends it back over HTTPS, to this host alone, for every path. A plain-HTTP listener
 * is allowed on loopback only (development): there the cookie is {@value #PLAIN_NAME} without
 * {@code Secure}, since a {@code __Host-} cookie must be Secure and a Secure cookie would not come
 * back over plain HTTP from non-browser clients.
 */
@Component
final class SessionCookies implements ServletContextInitializer {

    static final String SECURE_NAME = "__Host-sspr-session";
    static final String PLAIN_NAME = "sspr-session";

    private final boolean secure;

    SessionCookies(ListenerSafetyCheck listener) {
        this.secure = listener.secureTransport();
    }

    @Override
    public void onStartup(ServletContext servletContext) {
        SessionCookieConfig cookie = servletContext.getSessionCookieConfig();
        cookie.setName(secure ? SECURE_NAME : PLAIN_NAME);
        cookie.setSecure(secure);
        cookie.setHttpOnly(true);
        cookie.setPath("/");
        cookie.setAttribute("SameSite", "Lax");
    }

    /** The name of a cookie the portal sets: with the {@code __Host-} prefix over TLS. */
    static String name(String base, boolean secure) {
        return secure ? "__Host-" + base : base;
    }
}
