package org.opensspr.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.SessionCookieConfig;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.stereotype.Component;

/**
 * The portal's session cookie: always {@code HttpOnly}, {@code SameSite=Lax} and for the whole
 * host ({@code Path=/}, no {@code Domain}). On a request that came over TLS (on the listener, or
 * https from a trusted proxy) Tomcat marks it {@code Secure} and {@link HostPrefixCookies} names it
 * {@code __Host-sspr-session}, so a browser sends it back over HTTPS only, to this host alone. The
 * choice is made per request, not per configuration: plain HTTP is allowed on loopback only
 * (development, tests, a balancer's health check), and there a {@code __Host-} cookie, which must
 * be Secure, would not come back.
 */
@Component
final class SessionCookies
        implements ServletContextInitializer, WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    static final String NAME = "sspr-session";

    @Override
    public void onStartup(ServletContext servletContext) {
        SessionCookieConfig cookie = servletContext.getSessionCookieConfig();
        cookie.setName(NAME);
        cookie.setHttpOnly(true);
        cookie.setPath("/");
        cookie.setAttribute("SameSite", "Lax");
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addContextCustomizers(context -> context.setCookieProcessor(new HostPrefixCookies(NAME)));
    }
}
