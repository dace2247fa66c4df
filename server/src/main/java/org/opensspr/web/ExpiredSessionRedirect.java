package org.opensspr.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A portal form posted without a valid CSRF token is almost always a tab left open past the
 * session's timeout (or a server restart before sessions were shared): the session that held the
 * token is gone. Instead of a bare {@code 403} the browser goes back to where the flow starts, with
 * {@code ?expired} so the page says what happened: {@code /reset} starts again, pages that need a
 * signed-in user go to {@code /login}. Nothing the post asked for is done. Other refusals keep the
 * {@code 403} error page.
 */
final class ExpiredSessionRedirect implements AccessDeniedHandler {

    private final AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (!(denied instanceof CsrfException)) {
            otherwise.handle(request, response, denied);
            return;
        }
        String page = LanguageLinks.pageOf("GET", LanguageLinks.pageOf(request.getMethod(), request.getRequestURI()));
        response.sendRedirect(
                request.getContextPath() + (page.startsWith("/reset") ? "/reset" : "/login") + "?expired");
    }
}
