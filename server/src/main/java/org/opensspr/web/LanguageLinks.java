package org.opensspr.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
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

    /** The pages under {@code /register/} that take a GET and show the form a post of theirs belongs to. */
    private static final Set<String> REGISTER_PAGES =
            Set.of("email", "sms", "totp", "questions", "step-up", "interrupt");

    @ModelAttribute("pagePath")
    String pagePath(HttpServletRequest request) {
        // An error page links to the page of the request that failed, not to /error.
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return pageOf(request.getMethod(), failed instanceof String path ? path : request.getRequestURI());
    }

    static String pageOf(String method, String path) {
        if ("GET".equals(method)) {
            return path;
        }
        if (path.startsWith("/register/")) {
            // A security-info page of its own (a method's set-up, the step-up, the interrupt), else the overview.
            String page = path.substring("/register/".length()).split("/", 2)[0];
            return REGISTER_PAGES.contains(page) ? "/register/" + page : "/register";
        }
        for (String page : new String[] {"/reset", "/register", "/change"}) {
            if (path.startsWith(page + "/")) {
                return page;
            }
        }
        return path;
    }
}
