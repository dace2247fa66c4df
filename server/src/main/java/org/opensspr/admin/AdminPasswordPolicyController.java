package org.opensspr.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.opensspr.passwordpolicy.PasswordPolicy;
import org.opensspr.passwordpolicy.PasswordSettings;
import org.opensspr.passwordpolicy.Violation;
import org.opensspr.web.Callers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/admin/password-policy}: the password policy's settings, and a way to try a
 * password against it as a given user would meet it.
 */
@RestController
class AdminPasswordPolicyController {

    private final PasswordPolicy policy;

    AdminPasswordPolicyController(PasswordPolicy policy) {
        this.policy = policy;
    }

    @GetMapping("/api/v1/admin/password-policy")
    PasswordSettings get() {
        return policy.settings();
    }

    /** Replaces the settings; fields left out take their defaults (8-256, no custom terms, breached check on, no history). */
    @PutMapping("/api/v1/admin/password-policy")
    PasswordSettings put(@RequestBody SettingsBody body, HttpServletRequest request) {
        PasswordSettings defaults = PasswordSettings.defaults();
        PasswordSettings settings = new PasswordSettings(
                body.minLength() == null ? defaults.minLength() : body.minLength(),
                body.maxLength() == null ? defaults.maxLength() : body.maxLength(),
                body.customBannedTerms() == null ? defaults.customBannedTerms() : body.customBannedTerms(),
                body.enforceCustomList() == null ? defaults.enforceCustomList() : body.enforceCustomList(),
                body.requireThreeClasses() == null ? defaults.requireThreeClasses() : body.requireThreeClasses(),
                body.checkBreached() == null ? defaults.checkBreached() : body.checkBreached(),
                body.historySize() == null ? defaults.historySize() : body.historySize());
        return policy.update(settings, Callers.from(request));
    }

    @PostMapping("/api/v1/admin/password-policy/evaluate")
    Evaluation evaluate(@RequestBody EvaluateBody body, Locale locale) {
        List<Violation> violations = policy.evaluate(body.password(), body.login(), locale);
        return new Evaluation(violations.isEmpty(), violations);
    }

    record SettingsBody(
            Integer minLength,
            Integer maxLength,
            List<String> customBannedTerms,
            Boolean enforceCustomList,
            Boolean requireThreeClasses,
            Boolean checkBreached,
            Integer historySize) {}

    record EvaluateBody(String password, String login) {}

    record Evaluation(boolean accepted, List<Violation> violations) {}
}
