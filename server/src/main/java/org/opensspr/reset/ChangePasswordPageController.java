package org.opensspr.reset;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.opensspr.web.Callers;
import org.opensspr.web.PageErrors;
import org.opensspr.web.SessionEpochs;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** {@code /change}: the signed-in user changes their password, typing the current one ({@link ChangePasswordService}). */
@Controller
class ChangePasswordPageController {

    private static final String PAGE = "/change";

    private final ChangePasswordService service;
    private final PageErrors errors;
    private final PasswordChecks checks;
    private final PasswordRuleTexts ruleTexts;

    ChangePasswordPageController(
            ChangePasswordService service, PageErrors errors, PasswordChecks checks, PasswordRuleTexts ruleTexts) {
        this.service = service;
        this.errors = errors;
        this.checks = checks;
        this.ruleTexts = ruleTexts;
    }

    /** What every answer of this page shows besides its message: who is signed in and the policy's rules. */
    private void page(Authentication authentication, boolean changed, Model model) {
        model.addAttribute("user", authentication.getName());
        model.addAttribute("changed", changed);
        model.addAttribute("passwordRules", ruleTexts.of(LocaleContextHolder.getLocale()));
    }

    @GetMapping("/change")
    String show(@RequestParam(required = false) String changed, Authentication authentication, Model model) {
        page(authentication, changed != null, model);
        return "change/change";
    }

    /**
     * The strength meter's check ({@code js/strength.js}) for the signed-in user: what a change to
     * {@code newPassword} would be told about the new password, as JSON, without changing anything.
     */
    @PostMapping("/change/check")
    @ResponseBody
    PasswordChecks.Answer checkPassword(
            @RequestParam(defaultValue = "") String newPassword, Authentication authentication, Locale locale) {
        return checks.forUser(authentication.getName(), newPassword, locale);
    }

    @PostMapping("/change")
    String change(
            @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String confirmPassword,
            Authentication authentication,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        page(authentication, false, model);
        if (currentPassword.isEmpty()) {
            model.addAttribute("error", errors.ofKey("change.current.required", "currentPassword", PAGE, locale));
            return "change/change";
        }
        if (!newPassword.equals(confirmPassword)) {
            model.addAttribute("error", errors.ofKey("password.mismatch", "confirmPassword", PAGE, locale));
            return "change/change";
        }
        try {
            SessionEpochs.keepSession(
                    request,
                    service.change(authentication.getName(), currentPassword, newPassword, Callers.from(request)));
            return "redirect:/change?changed";
        } catch (RuntimeException e) {
            if (e instanceof ErrorResponseException problem
                    && problem.getStatusCode().value() == 429) {
                // Too many wrong current passwords: the page says how long to wait, the status and header say it too.
                response.setStatus(429);
                problem.getHeaders()
                        .forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            }
            String field = e instanceof ErrorResponseException problem
                            && problem.getBody().getType() != null
                            && problem.getBody().getType().toString().endsWith("/current-password-wrong")
                    ? "currentPassword"
                    : "newPassword";
            model.addAttribute("error", errors.of(e, field, PAGE, locale));
            return "change/change";
        }
    }
}
