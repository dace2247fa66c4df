package org.opensspr.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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
            @RequestParam(required = false) String error, @RequestParam(required = false) String logout, Model model) {
        model.addAttribute("failed", error != null);
        model.addAttribute("loggedOut", logout != null);
        return "login";
    }
}
