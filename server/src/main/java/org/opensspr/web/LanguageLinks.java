package org.opensspr.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Where the language links of a portal page lead ({@code pagePath}, used by the layout): the page
 * itself for a page that was got, and the page a form belongs to for an answer to a post (an error
 * shown after {@code POST /reset/verify} is the {@code /reset} page). A link to the post's own
 * path would be a {@code GET} that path does not take; the reset, the sign-in and the step-up live
 * in the session, so the page the link leads to shows the same step in the other language.
 */
@ControllerAdvice
final class LanguageLinks {

    @ModelAttribute("pagePath")
    String pagePath(HttpServletRequest request) {
        return pageOf(request.getMethod(), request.getRequestURI());
    }

    static String pageOf(String method, String path) {
        if ("GET".equals(method)) {
            return path;
        }
        if (path.startsWith("/register/step-up/")) {
            return "/register/step-up";
        }
        for (String page : new String[] {"/reset", "/register", "/change"}) {
            if (path.startsWith(page + "/")) {
                return page;
            }
        }
        return path;
    }
}
