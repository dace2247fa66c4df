package org.opensspr.reset;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.opensspr.audit.Activity;
import org.opensspr.audit.AuditEvent;
import org.opensspr.audit.AuditLog;
import org.opensspr.audit.AuditResult;
import org.opensspr.audit.Caller;
import org.opensspr.directory.Directory;
import org.opensspr.directory.DirectoryRejectedPasswordException;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.passwordpolicy.PasswordPolicy;
import org.opensspr.passwordpolicy.Violation;
import org.opensspr.system.Problems;
import org.opensspr.throttle.Throttle;
import org.opensspr.web.SessionEpochs;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Change password (self-service): the user knows the current password and chooses a new one.
 * The current password is checked against the directory even for a signed-in session, and
 * wrong guesses are limited to 5 per hour per login.
 */
@Service
public class ChangePasswordService {

    static final int MAX_WRONG = 5;

    private final Directory directory;
    private final PasswordPolicy passwordPolicy;
    private final Throttle throttle;
    private final AuditLog audit;
    private final SessionEpochs sessions;
    private final Clock clock;

    ChangePasswordService(
            Directory directory,
            PasswordPolicy passwordPolicy,
            Throttle throttle,
            AuditLog audit,
            SessionEpochs sessions,
            Clock clock) {
        this.sessions = sessions;
        this.directory = directory;
        this.passwordPolicy = passwordPolicy;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Changes the password and ends every other portal session of the user ({@link SessionEpochs});
     * returns the instant from which sessions count, which the caller's own session may adopt.
     */
    public Instant change(String login, String currentPassword, String newPassword, Caller caller) {
        if (throttle.peek("change:" + login, Duration.ofHours(1)) >= MAX_WRONG) {
            audit.record(AuditEvent.of(
                    clock.instant(),
                    Activity.CHANGE_PASSWORD,
                    AuditResult.Blocked,
                    caller,
                    login,
                    "Too many wrong current passwords"));
            throw Problems.of(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "too-many-attempts",
                    "Too many attempts",
                    "The current password was wrong too many times. Please wait an hour, or reset your password instead.");
        }
        DirectoryUser user = directory.authenticate(login, currentPassword).orElse(null);
        if (user == null) {
            throttle.count("change:" + login, Duration.ofHours(1));
            audit.record(AuditEvent.of(
                    clock.instant(),
                    Activity.CHANGE_PASSWORD,
                    AuditResult.Failure,
                    caller,
                    login,
                    "The current password was wrong"));
            throw Problems.of(
                    HttpStatus.BAD_REQUEST,
                    "current-password-wrong",
                    "Current password wrong",
                    "The current password is not right. If you forgot it, reset your password instead.");
        }
        List<Violation> violations = passwordPolicy.check(newPassword, user, LocaleContextHolder.getLocale());
        if (!violations.isEmpty()) {
            throw FlowProblems.passwordRejected(violations);
        }
        try {
            directory.resetPassword(user, newPassword);
            passwordPolicy.passwordSet(user, newPassword);
        } catch (DirectoryRejectedPasswordException e) {
            throw FlowProblems.passwordRejected(
                    List.of(DirectoryRefusals.violation(e, LocaleContextHolder.getLocale())));
        }
        audit.record(AuditEvent.of(
                clock.instant(),
                Activity.CHANGE_PASSWORD,
                AuditResult.Success,
                caller.as(user.login()),
                user.login(),
                ""));
        return sessions.endSessions(user.login());
    }
}
