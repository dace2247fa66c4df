package org.opensspr.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.stereotype.Component;

/**
 * The portal's session cookie: always {@code HttpOnly}, {@code SameSite=Lax} and for the whole
 * host ({@code Path=/}, no {@code Domain}). On a request that came over TLS (on the listener, or
 * https from a trusted proxy) it is {@code Secure} and named {@code __Host-sspr-session}, so a
 * browser sends it back over HTTPS only, to this host alone; on plain HTTP it is
 * {@code sspr-session}. The choice is made per request, not per configuration: plain HTTP is
 * allowed on loopback only (development, tests, a balancer's health check), and there a
 * {@code __Host-} cookie, which must be Secure, would not come back. A request reads only the
 * cookie of its own kind, so a plain cookie planted over HTTP is never taken on HTTPS.
 *
 * <p>The cookie is read on the portal's pages only ({@link PortalSecurityConfiguration#PAGES}). A
 * browser sends it with every request to the host (a {@code __Host-} cookie's path must be
 * {@code /}): its stylesheet, its scripts, its CAPTCHA calls to the API. Those need no session, and
 * since sessions live in the database ({@link SharedSessions}) a session looked up for them (Spring
 * MVC's flash maps ask for one on every request) would cost a read and a write each.
 */
@Component
final class SessionCookies implements CookieSerializer {

    static final String NAME = "sspr-session";
    static final String HOST_PREFIX = "__Host-";

    private static final RequestMatcher PORTAL_PAGES =
            new OrRequestMatcher(Arrays.stream(PortalSecurityConfiguration.PAGES)
                    .map(pattern -> (RequestMatcher)
                            PathPatternRequestMatcher.withDefaults().matcher(pattern))
                    .toList());

    private final DefaultCookieSerializer plain = serializer(NAME, false);
    private final DefaultCookieSerializer secure = serializer(HOST_PREFIX + NAME, true);

    @Override
    public void writeCookieValue(CookieValue cookieValue) {
        serializer(cookieValue.getRequest()).writeCookieValue(cookieValue);
    }

    @Override
    public List<String> readCookieValues(HttpServletRequest request) {
        return PORTAL_PAGES.matches(request) ? serializer(request).readCookieValues(request) : List.of();
    }

    private DefaultCookieSerializer serializer(HttpServletRequest request) {
        return request.isSecure() ? secure : plain;
    }

    private static DefaultCookieSerializer serializer(String name, boolean secure) {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        serializer.setCookieName(name);
        serializer.setCookiePath("/");
        serializer.setUseHttpOnlyCookie(true);
        serializer.setSameSite("Lax");
        serializer.setUseSecureCookie(secure);
        // The cookie carries the session id as it is; base64 would only lengthen it.
        serializer.setUseBase64Encoding(false);
        return serializer;
    }
}
