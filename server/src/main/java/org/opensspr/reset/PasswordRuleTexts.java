package org.opensspr.reset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opensspr.passwordpolicy.PasswordPolicy;
import org.opensspr.passwordpolicy.PasswordSettings;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The password policy's rules in words, from the admin's current settings: what the new-password
 * pages list and what the API gives the sign-in screen, so that no client writes a minimum length of
 * its own. The policy is the same for every user, so the rules reveal nothing about an account.
 */
@Component
class PasswordRuleTexts {

    private final PasswordPolicy policy;
    private final MessageSource messages;

    PasswordRuleTexts(PasswordPolicy policy, MessageSource messages) {
        this.policy = policy;
        this.messages = messages;
    }

    /** The rules in {@code locale}, the most basic first. */
    PasswordRulesView of(Locale locale) {
        PasswordSettings settings = policy.settings();
        List<String> rules = new ArrayList<>();
        rules.add(text("password.rule.minLength", locale, settings.minLength()));
        if (settings.requireThreeClasses()) {
            rules.add(text("password.rule.threeClasses", locale));
        }
        rules.add(text("password.rule.personal", locale));
        rules.add(text("password.rule.common", locale));
        if (settings.enforceCustomList() && !settings.customBannedTerms().isEmpty()) {
            rules.add(text("password.rule.custom", locale));
        }
        if (policy.checksBreached()) {
            rules.add(text("password.rule.breached", locale));
        }
        if (settings.historySize() > 0) {
            rules.add(text("password.rule.history", locale, settings.historySize()));
        }
        return new PasswordRulesView(settings.minLength(), settings.maxLength(), rules);
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    /** The rules as pages and the API show them: the lengths, and every rule as a sentence. */
    record PasswordRulesView(int minLength, int maxLength, List<String> rules) {}
}
