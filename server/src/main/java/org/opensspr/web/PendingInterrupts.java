package org.opensspr.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a signed-in user on a {@link SignInInterrupt}'s page until its owner says it is done: the
 * session holds the page and where the user was going ({@link #start}); while it does, a request
 * for a signed-in page outside {@code /register} (today {@code /change}) is sent to the page. The
 * security-info pages, signing out and the public pages stay open. The owner calls {@link #finish}
 * and sends the user on to the place it returns.
 */
public final class PendingInterrupts extends OncePerRequestFilter {

    private static final String PAGE = PendingInterrupts.class.getName() + ".page";
    private static final String CONTINUE = PendingInterrupts.class.getName() + ".continue";
    private static final String[] OPEN = {"/register", "/logout", "/login", "/reset", "/error"};

    /** Notes in the session that {@code page} must be seen before {@code continueTo} (a path of this server). */
    static void start(HttpSession session, String page, String continueTo) {
        session.setAttribute(PAGE, page);
        session.setAttribute(CONTINUE, continueTo);
    }

    /** The interrupt page this session must see before going on, if any. */
    public static Optional<String> page(HttpSession session) {
        return session.getAttribute(PAGE) instanceof String page ? Optional.of(page) : Optional.empty();
    }

    /**
     * Ends the session's interrupt and returns where the user was going when they signed in
     * ({@code /register} when they were going nowhere in particular, or there was no interrupt).
     */
    public static String finish(HttpSession session) {
        Object continueTo = session.getAttribute(CONTINUE);
        session.removeAttribute(PAGE);
        session.removeAttribute(CONTINUE);
        return continueTo instanceof String path && path.startsWith("/") && !path.startsWith("//") ? path : "/register";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Optional<String> page = session == null ? Optional.empty() : page(session);
        if (page.isPresent()
                && !open(request.getRequestURI()
                        .substring(request.getContextPath().length()))) {
            response.sendRedirect(request.getContextPath() + page.get());
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean open(String path) {
        if (path.isEmpty() || path.equals("/")) {
            return true;
        }
        for (String open : OPEN) {
            if (path.equals(open) || path.startsWith(open + "/")) {
                return true;
            }
        }
        return false;
    }
}
