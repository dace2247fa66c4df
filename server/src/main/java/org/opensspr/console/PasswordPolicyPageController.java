package org.opensspr.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opensspr.passwordpolicy.PasswordAssessment;
import org.opensspr.passwordpolicy.PasswordPolicy;
import org.opensspr.passwordpolicy.PasswordSettings;
import org.opensspr.passwordpolicy.Violation;
import org.opensspr.web.Callers;
import org.opensspr.web.PageErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code /admin/password-policy}: the password policy's settings (Entra's "Password protection"),
 * and a test box that runs the server's own evaluator on a password, optionally as a given user
 * would meet it (their names count as banned terms). The box works without JavaScript (a post shows
 * the verdict); with it, {@code strength.js} asks {@code /admin/password-policy/check} as the admin
 * types. The test leaves out the user's password history, so it tells nobody which passwords a user
 * had, and it logs and records nothing.
 */
@Controller
class PasswordPolicyPageController {

    private static final String PAGE = "/admin/password-policy";

    private final PasswordPolicy policy;
    private final PageErrors errors;
    private final ObjectMapper json;

    PasswordPolicyPageController(PasswordPolicy policy, PageErrors errors, ObjectMapper json) {
        this.policy = policy;
        this.errors = errors;
        this.json = json;
    }

    @GetMapping(PAGE)
    String show(
            @RequestParam(required = false) String saved,
            @RequestParam(required = false) String unchanged,
            Model model) {
        PasswordSettings current = policy.settings();
        page(model, current, PasswordPolicyForm.of(current, version(current)), null);
        model.addAttribute("saved", saved != null);
        model.addAttribute("unchanged", unchanged != null);
        return "admin/password-policy";
    }

    @PostMapping(PAGE)
    String save(@ModelAttribute PasswordPolicyForm form, HttpServletRequest request, Model model, Locale locale) {
        PasswordSettings current = policy.settings();
        if (!version(current).equals(form.version())) {
            page(model, current, PasswordPolicyForm.of(current, version(current)), null);
            model.addAttribute("error", ConsoleForms.console(errors.ofKey("console.policy.stale", null, PAGE, locale)));
            return "admin/password-policy";
        }
        Optional<PasswordPolicyForm.Refusal> refusal = form.refusal();
        if (refusal.isPresent()) {
            page(model, current, form, null);
            model.addAttribute(
                    "error",
                    ConsoleForms.console(
                            errors.ofKey(refusal.get().key(), refusal.get().field(), PAGE, locale)));
            return "admin/password-policy";
        }
        PasswordSettings changed = form.settings();
        if (changed.equals(current)) {
            return "redirect:" + PAGE + "?unchanged";
        }
        policy.update(changed, Callers.from(request));
        return "redirect:" + PAGE + "?saved";
    }

    /** The test box without JavaScript: the page with the verdict for what was typed. */
    @PostMapping(PAGE + "/test")
    String test(
            @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String login,
            Model model,
            Locale locale) {
        PasswordSettings current = policy.settings();
        page(model, current, PasswordPolicyForm.of(current, version(current)), login);
        model.addAttribute(
                "verdict", newPassword.isEmpty() ? null : Verdict.of(policy.trial(newPassword, login, locale)));
        return "admin/password-policy";
    }

    /** The test box's live verdict, in the shape {@code strength.js} reads. */
    @PostMapping(value = PAGE + "/check", produces = "application/json")
    @ResponseBody
    Verdict check(
            @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String login,
            Locale locale) {
        return Verdict.of(policy.trial(newPassword, login, locale));
    }

    /** The page around {@code form}; {@code current} is the stored settings, read once per request. */
    private void page(Model model, PasswordSettings current, PasswordPolicyForm form, String login) {
        model.addAttribute("form", form);
        model.addAttribute("testLogin", login == null ? "" : login);
        model.addAttribute("minLength", current.minLength());
        // The breached check is on but no corpus is configured: say so, or the tick box would promise a check.
        model.addAttribute("breachedMissing", current.checkBreached() && !policy.checksBreached());
    }

    private String version(PasswordSettings settings) {
        return ConsoleForms.version(json, settings);
    }

    /** The evaluator's answer: accepted, the violations ({@code code}, {@code message}) and the strength 0..4. */
    record Verdict(boolean accepted, List<Violation> violations, int strength) {
        static Verdict of(PasswordAssessment assessment) {
            return new Verdict(assessment.accepted(), assessment.violations(), assessment.strength());
        }
    }
}
