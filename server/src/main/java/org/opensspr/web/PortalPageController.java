package org.opensspr.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /} goes to the reset page; {@code /login} is the portal's sign-in form (Spring Security handles its post). */
@Controller
class PortalPageController {

    @GetMapping("/")
    String home() {
        return "redirect:/reset";
    }

    @GetMapping("/login")
    String login(
            @RequestParam(required = false) String error,
            @RequestParam(required = false) String logout,
            @RequestParam(required = false) String expired,
            HttpServletRequest request,
            Model model) {
        model.addAttribute("failed", error != null);
        // After a failed sign-in the form keeps the user name typed (never the password).
        model.addAttribute("username", error != null ? PortalSignInFailures.lastLogin(request.getSession(false)) : "");
        model.addAttribute("loggedOut", logout != null);
        model.addAttribute("expired", expired != null);
        return "login";
    }

    /**
     * The sign-in page after a sign-in that must wait, forwarded here by {@link PortalSignInFailures}
     * with 429 and {@code Retry-After}; asked for directly, it is the plain sign-in page.
     */
    @RequestMapping(PortalSignInFailures.THROTTLED_PAGE)
    String throttled(HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!(request.getAttribute(PortalSignInFailures.RETRY_MINUTES) instanceof Long minutes)) {
            return "redirect:/login";
        }
        response.setStatus(429);
        model.addAttribute("failed", false);
        model.addAttribute("loggedOut", false);
        model.addAttribute("throttledMinutes", minutes);
        model.addAttribute("username", PortalSignInFailures.lastLogin(request.getSession(false)));
        return "login";
    }
}
