package org.opensspr.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * What the portal's sign-in form answers after a failure: a wrong login or password goes back to
 * {@code /login?error}; a sign-in that must wait ({@link DirectoryAuthenticationProvider.Throttled})
 * shows the sign-in page at once with {@code 429}, {@code Retry-After} and how many minutes to wait.
 * Either way the form shows the user name typed again (kept in the session until a sign-in
 * succeeds, at most {@value #MAX_LOGIN} characters); the password never.
 */
final class PortalSignInFailures implements AuthenticationFailureHandler {

    /** The request attribute that carries the minutes to wait to {@link PortalPageController}. */
    static final String RETRY_MINUTES = PortalSignInFailures.class.getName() + ".retryMinutes";

    static final String THROTTLED_PAGE = "/login/throttled";

    static final int MAX_LOGIN = 256;
    private static final String LAST_LOGIN = PortalSignInFailures.class.getName() + ".login";

    private final AuthenticationFailureHandler wrong = new SimpleUrlAuthenticationFailureHandler("/login?error");

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException, ServletException {
        String login = request.getParameter("username");
        if (login != null) {
            request.getSession()
                    .setAttribute(LAST_LOGIN, login.length() > MAX_LOGIN ? login.substring(0, MAX_LOGIN) : login);
        }
        if (exception instanceof DirectoryAuthenticationProvider.Throttled throttled) {
            response.setStatus(429);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
            request.setAttribute(RETRY_MINUTES, throttled.retryAfterMinutes());
            request.getRequestDispatcher(THROTTLED_PAGE).forward(request, response);
            return;
        }
        wrong.onAuthenticationFailure(request, response, exception);
    }

    /** The user name typed in the last failed sign-in of this session, or "" (never a password). */
    static String lastLogin(HttpSession session) {
        return session != null && session.getAttribute(LAST_LOGIN) instanceof String login ? login : "";
    }

    /** Forgets the typed user name once a sign-in succeeded. */
    static void forgetLogin(HttpSession session) {
        session.removeAttribute(LAST_LOGIN);
    }
}
