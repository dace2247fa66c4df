package org.opensspr.console;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.opensspr.helpdesk.HelpdeskService;
import org.opensspr.policy.MethodType;
import org.opensspr.web.Callers;
import org.opensspr.web.PageErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /admin/helpdesk}: what a helpdesk member needs when a user calls. Look a user up (their
 * methods masked, registration, blocks, last activity) and, in one click each, lift their blocks,
 * clear a lost method, require re-registration or mail them a reset link; or find the user and
 * events behind the support code a user reads out. Everything goes through {@link HelpdeskService},
 * which audits each change with the staff member as actor. Open to ROLE_HELPDESK and ROLE_ADMIN.
 */
@Controller
class HelpdeskPageController {

    private static final String PAGE = "/admin/helpdesk";
    private static final Set<String> DONE = Set.of("lifted", "cleared", "required", "sent");

    private final HelpdeskService helpdesk;
    private final PageErrors errors;

    HelpdeskPageController(HelpdeskService helpdesk, PageErrors errors) {
        this.helpdesk = helpdesk;
        this.errors = errors;
    }

    @GetMapping(PAGE)
    String show(
            @RequestParam(required = false) String login,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String done,
            Model model,
            Locale locale) {
        model.addAttribute("login", login == null ? "" : login.strip());
        model.addAttribute("code", code == null ? "" : code.strip());
        model.addAttribute("done", done != null && DONE.contains(done) ? done : null);
        try {
            if (login != null && !login.isBlank()) {
                model.addAttribute("user", helpdesk.lookup(login.strip()));
            }
            if (code != null && !code.isBlank()) {
                model.addAttribute("support", helpdesk.supportCode(code.strip().toUpperCase(Locale.ROOT)));
            }
        } catch (ErrorResponseException | IllegalArgumentException e) {
            // An unknown login or code: the page says so next to the field asked.
            String field = code != null && !code.isBlank() ? "code" : "login";
            model.addAttribute("error", ConsoleForms.console(errors.of(e, field, PAGE, locale)));
        }
        return "admin/helpdesk";
    }

    @PostMapping(PAGE + "/lift-blocks")
    String liftBlocks(@RequestParam String login, HttpServletRequest request) {
        helpdesk.liftBlocks(login, Callers.from(request));
        return back(login, "lifted");
    }

    @PostMapping(PAGE + "/clear-method")
    String clearMethod(@RequestParam String login, @RequestParam String method, HttpServletRequest request) {
        helpdesk.clearMethod(login, MethodType.of(method), Callers.from(request));
        return back(login, "cleared");
    }

    @PostMapping(PAGE + "/require-registration")
    String requireRegistration(@RequestParam String login, HttpServletRequest request) {
        helpdesk.requireRegistration(login, Callers.from(request));
        return back(login, "required");
    }

    @PostMapping(PAGE + "/reset-link")
    String resetLink(@RequestParam String login, HttpServletRequest request, Model model, Locale locale) {
        try {
            helpdesk.sendResetLink(
                    login,
                    ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString(),
                    Callers.from(request));
        } catch (ErrorResponseException e) {
            // No address on file: the user card again, with why.
            show(login, null, null, model, locale);
            model.addAttribute("error", ConsoleForms.console(errors.of(e, null, PAGE, locale)));
            return "admin/helpdesk";
        }
        return back(login, "sent");
    }

    private static String back(String login, String done) {
        return "redirect:" + PAGE + "?login=" + URLEncoder.encode(login, StandardCharsets.UTF_8) + "&done=" + done;
    }
}
