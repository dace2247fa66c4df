package org.opensspr.reset;

import java.time.Clock;
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
import org.opensspr.system.ProblemCode;
import org.opensspr.system.Problems;
import org.opensspr.throttle.SignInThrottle;
import org.opensspr.throttle.SignInThrottledException;
import org.opensspr.web.SessionEpochs;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * Change password (self-service): the user knows the current password and chooses a new one.
 * The current password is checked against the directory even for a signed-in session, through
 * the same {@link SignInThrottle} as every sign-in: a wrong current password counts as a failed
 * sign-in of that login.
 */
@Service
public class ChangePasswordService {

    private final Directory directory;
    private final PasswordPolicy passwordPolicy;
    private final SignInThrottle signIns;
    private final AuditLog audit;
    private final SessionEpochs sessions;
    private final Clock clock;

    ChangePasswordService(
            Directory directory,
            PasswordPolicy passwordPolicy,
            SignInThrottle signIns,
            AuditLog audit,
            SessionEpochs sessions,
            Clock clock) {
        this.sessions = sessions;
        this.directory = directory;
        this.passwordPolicy = passwordPolicy;
        this.signIns = signIns;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Checks the current password through the {@link SignInThrottle} (a wrong one is counted,
     * audited and logged there, like a wrong sign-in), writes the new one and ends every other
     * portal session of the user ({@link SessionEpochs}); returns the instant from which sessions
     * count, which the caller's own session may adopt.
     *
     * @throws ErrorResponseException 429 with {@code Retry-After} when the login must wait (the
     *     directory is not asked), 400 for a wrong current password, 422 for a refused new one
     */
    public Instant change(String login, String currentPassword, String newPassword, Caller caller) {
        DirectoryUser user;
        try {
            user = signIns.attempt(
                            Activity.CHANGE_PASSWORD,
                            login,
                            caller,
                            () -> directory.authenticate(login, currentPassword))
                    .orElse(null);
        } catch (SignInThrottledException e) {
            throw Problems.tooManyAttempts(e.retryAfterSeconds(), e.retryAfterMinutes());
        }
        if (user == null) {
            throw Problems.of(ProblemCode.CURRENT_PASSWORD_WRONG);
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
