package org.opensspr.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /} goes to the reset page; {@code /login} is the portal's sign-in form (Spring Security handles its post). */
@Controller
class PortalPageController {

    @GetMapping("/")
    String home() {
        return "redirect:/reset";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
