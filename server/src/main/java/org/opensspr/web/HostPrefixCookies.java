package org.opensspr.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.apache.tomcat.util.buf.MessageBytes;
import org.apache.tomcat.util.http.MimeHeaders;
import org.apache.tomcat.util.http.Rfc6265CookieProcessor;
import org.apache.tomcat.util.http.ServerCookies;

/**
 * Tomcat's RFC 6265 cookies, with the {@code __Host-} prefix for the named cookies on secure
 * requests: on the way out a cookie named {@code x} becomes {@code __Host-x}, {@code Secure},
 * {@code Path=/}; on the way in {@code __Host-x} is read as {@code x}. Tomcat fixes the session
 * cookie's name once per context, so the prefix, which depends on the request, is added here.
 */
final class HostPrefixCookies extends Rfc6265CookieProcessor {

    static final String PREFIX = "__Host-";

    private final Set<String> names;

    HostPrefixCookies(String... names) {
        this.names = Set.of(names);
    }

    @Override
    public String generateHeader(Cookie cookie, HttpServletRequest request) {
        if (request == null || !request.isSecure() || !names.contains(cookie.getName())) {
            return super.generateHeader(cookie, request);
        }
        Cookie prefixed = new Cookie(PREFIX + cookie.getName(), cookie.getValue());
        cookie.getAttributes().forEach(prefixed::setAttribute);
        prefixed.setDomain(null);
        prefixed.setPath("/");
        prefixed.setSecure(true);
        return super.generateHeader(prefixed, request);
    }

    @Override
    public void parseCookieHeader(MimeHeaders headers, ServerCookies serverCookies) {
        super.parseCookieHeader(headers, serverCookies);
        for (int i = 0; i < serverCookies.getCookieCount(); i++) {
            MessageBytes name = serverCookies.getCookie(i).getName();
            String text = name.toString();
            if (text != null && text.startsWith(PREFIX) && names.contains(text.substring(PREFIX.length()))) {
                name.setString(text.substring(PREFIX.length()));
            }
        }
    }
}
