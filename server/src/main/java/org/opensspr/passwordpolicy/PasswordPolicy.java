package org.opensspr.passwordpolicy;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.opensspr.audit.Activity;
import org.opensspr.audit.AuditEvent;
import org.opensspr.audit.AuditLog;
import org.opensspr.audit.AuditResult;
import org.opensspr.audit.Caller;
import org.opensspr.directory.Directory;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.system.JdbcSettings;
import org.opensspr.system.SettingsChanges;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The password policy as the server applies it: the engine's rules ({@link PasswordRules}: NIST
 * lengths, Azure's banned-term score over the global list, the admin's custom terms and the
 * user's own context, breached passwords when a corpus is configured) with the admin's settings
 * from the state store. Violations come in the caller's language and never name a banned term.
 */
@Service
public class PasswordPolicy {

    private final PasswordRules rules;
    private final PasswordHistory history;
    private final JdbcSettings settings;
    private final SettingsChanges changes;
    private final Directory directory;
    private final AuditLog audit;
    private final Clock clock;
    private final String organisation;
    private final boolean breachedCorpus;

    PasswordPolicy(
            JdbcSettings settings,
            SettingsChanges changes,
            PasswordHistory history,
            Directory directory,
            AuditLog audit,
            Clock clock,
            ObjectProvider<BreachedPasswords> breached,
            @Value("${sspr.organisation-name:}") String organisation) {
        this.history = history;
        BreachedPasswords corpus = breached.getIfAvailable();
        this.rules = new PasswordRules(BannedTerms.global(), corpus);
        this.breachedCorpus = corpus != null;
        this.settings = settings;
        settings.register(StoredPasswordSettings.SETTING);
        this.changes = changes;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
        this.organisation = organisation.isBlank() ? firstDomainComponent(directory.baseDn()) : organisation.strip();
    }

    public PasswordSettings settings() {
        return settings.load(StoredPasswordSettings.SETTING)
                .map(StoredPasswordSettings::settings)
                .orElse(PasswordSettings.defaults());
    }

    /**
     * Stores {@code changed} in place of the current settings and audits
     * {@link Activity#UPDATE_PASSWORD_POLICY} with each changed field's old and new value
     * ({@link SettingsChanges}; empty details when nothing changed). The custom banned terms are
     * logged by number only: the list is the organisation's to know, and no answer names a term.
     */
    public PasswordSettings update(PasswordSettings changed, Caller admin) {
        PasswordSettings before = settings();
        settings.save(StoredPasswordSettings.SETTING, StoredPasswordSettings.of(changed));
        audit.record(AuditEvent.of(
                clock.instant(),
                Activity.UPDATE_PASSWORD_POLICY,
                AuditResult.Success,
                admin,
                "password policy",
                changes.between(before, changed, Set.of("customBannedTerms"))));
        return changed;
    }

    /**
     * The violations of {@code password} for {@code user} (null: no user context), in {@code locale}:
     * the rules a strength meter can ask on every keystroke. See {@link #check} for a password being set.
     */
    public List<Violation> evaluate(String password, DirectoryUser user, Locale locale) {
        return rules.evaluate(password, contextOf(user), settings(), locale);
    }

    /** Every rule for a password that is about to be set for {@code user}, including the history. */
    public List<Violation> check(String password, DirectoryUser user, Locale locale) {
        return check(password, user, locale, settings());
    }

    /**
     * What the password step would answer for {@code password} ({@link #check}: every rule, the
     * history included) and the strength a meter shows for it ({@link PasswordRules#strength}: never
     * more than "refused" while there is a violation). Logs and records nothing; the history costs one
     * Argon2id verification per remembered password, as in {@link #check}, so callers bound how often.
     */
    public PasswordAssessment assess(String password, DirectoryUser user, Locale locale) {
        PasswordSettings current = settings();
        List<Violation> violations = check(password, user, locale, current);
        return new PasswordAssessment(violations, rules.strength(password, contextOf(user), current, violations));
    }

    /**
     * What {@code password} meets as a new password of {@code login} (blank or unknown: no user
     * context), without the history: the admin console's test box, which must not tell anybody
     * which passwords a user had. Logs and records nothing.
     */
    public PasswordAssessment trial(String password, String login, Locale locale) {
        DirectoryUser user = login == null || login.isBlank()
                ? null
                : directory.findUser(login).orElse(null);
        PasswordSettings current = settings();
        PasswordContext context = contextOf(user);
        List<Violation> violations = rules.evaluate(password, context, current, locale);
        return new PasswordAssessment(violations, rules.strength(password, context, current, violations));
    }

    /** Whether passwords are looked up in a breached-password corpus: the setting is on and a corpus is configured. */
    public boolean checksBreached() {
        return breachedCorpus && settings().checkBreached();
    }

    private List<Violation> check(String password, DirectoryUser user, Locale locale, PasswordSettings current) {
        List<Violation> violations = rules.evaluate(password, contextOf(user), current, locale);
        if (violations.isEmpty() && history.contains(user.login(), password, current.historySize())) {
            return List.of(PasswordMessages.violation("password-reused", locale));
        }
        return violations;
    }

    /** Call after the directory took a new password: it joins the history. */
    public void passwordSet(DirectoryUser user, String password) {
        history.remember(user.login(), password, settings().historySize());
    }

    /** As {@link #evaluate(String, DirectoryUser, Locale)} for a login, which may not exist (then without user context). */
    public List<Violation> evaluate(String password, String login, Locale locale) {
        DirectoryUser user = login == null || login.isBlank()
                ? null
                : directory.findUser(login).orElse(null);
        return evaluate(password, user, locale);
    }

    private PasswordContext contextOf(DirectoryUser user) {
        if (user == null) {
            return new PasswordContext(null, null, null, null, organisation);
        }
        return new PasswordContext(
                user.login(), user.givenName(), user.surname(), user.mail().orElse(null), organisation);
    }

    /** {@code dc=example,dc=org} -> {@code example}: the organisation's own name is a banned term by default. */
    static String firstDomainComponent(String baseDn) {
        for (String part : baseDn.split(",")) {
            String rdn = part.strip();
            if (rdn.regionMatches(true, 0, "dc=", 0, 3) || rdn.regionMatches(true, 0, "o=", 0, 2)) {
                return rdn.substring(rdn.indexOf('=') + 1);
            }
        }
        return null;
    }
}
