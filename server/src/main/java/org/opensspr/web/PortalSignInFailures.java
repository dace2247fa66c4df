package org.opensspr.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * What the portal's sign-in form answers after a failure: a wrong login or password goes back to
 * {@code /login?error}; a sign-in that must wait ({@link DirectoryAuthenticationProvider.Throttled})
 * shows the sign-in page at once with {@code 429}, {@code Retry-After} and how many minutes to wait.
 */
final class PortalSignInFailures implements AuthenticationFailureHandler {

    /** The request attribute that carries the minutes to wait to {@link PortalPageController}. */
    static final String RETRY_MINUTES = PortalSignInFailures.class.getName() + ".retryMinutes";

    static final String THROTTLED_PAGE = "/login/throttled";

    private final AuthenticationFailureHandler wrong = new SimpleUrlAuthenticationFailureHandler("/login?error");

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException, ServletException {
        if (exception instanceof DirectoryAuthenticationProvider.Throttled throttled) {
            response.setStatus(429);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
            request.setAttribute(RETRY_MINUTES, throttled.retryAfterMinutes());
            request.getRequestDispatcher(THROTTLED_PAGE).forward(request, response);
            return;
        }
        wrong.onAuthenticationFailure(request, response, exception);
    }
}
