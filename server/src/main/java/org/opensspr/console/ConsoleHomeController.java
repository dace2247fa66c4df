package org.opensspr.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /admin}: the console's start page, a section list for what the signed-in role may use. */
@Controller
class ConsoleHomeController {

    @GetMapping("/admin")
    String home() {
        return "admin/home";
    }
}
