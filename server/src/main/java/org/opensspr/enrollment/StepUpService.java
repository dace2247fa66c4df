package org.opensspr.enrollment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.opensspr.audit.Activity;
import org.opensspr.audit.AuditEvent;
import org.opensspr.audit.AuditLog;
import org.opensspr.audit.AuditResult;
import org.opensspr.audit.Caller;
import org.opensspr.directory.Directory;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.notify.Message;
import org.opensspr.notify.MessageTexts;
import org.opensspr.notify.NotificationOutbox;
import org.opensspr.policy.MethodType;
import org.opensspr.policy.PolicyService;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.secrets.Digests;
import org.opensspr.system.Languages;
import org.opensspr.system.ProblemCode;
import org.opensspr.system.Problems;
import org.opensspr.throttle.SignInThrottle;
import org.opensspr.throttle.SignInThrottledException;
import org.opensspr.throttle.Throttle;
import org.opensspr.web.SessionEpochs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * Step-up before a change of security info: being signed in is not enough, because a session can
 * be left open or stolen (issue 11). The user proves again that it is them, with a code sent to an
 * email address or phone on file, or from their authenticator app; a user with none of these types
 * their password again. The proof is a bearer token (only its SHA-256 is stored) that allows
 * changes for {@link StepUpProperties#validFor()}, unless a password reset or change since then
 * ended the user's sessions ({@link SessionEpochs}).
 *
 * <p>A code works for {@value #CODE_MINUTES} minutes and takes {@value #MAX_ATTEMPTS} attempts,
 * taken one by one with a conditional update so parallel guesses cannot exceed them; failed proofs
 * of every kind count towards {@value #MAX_FAILURES} an hour per login, after which step-up is
 * refused with 429. Codes count towards the registration code limit. Every proof and every failed
 * one is audited ({@link Activity#STEP_UP}).
 */
@Service
public class StepUpService {

    static final int CODE_MINUTES = 5;
    static final int MAX_ATTEMPTS = 5;
    static final int MAX_FAILURES = 10;

    private final JdbcStepUpRepository proofs;
    private final MethodsService methods;
    private final PolicyService policies;
    private final TotpChecks totp;
    private final Directory directory;
    private final NotificationOutbox outbox;
    private final MessageTexts texts;
    private final Digests digests;
    private final Throttle throttle;
    private final SignInThrottle signIns;
    private final SessionEpochs sessions;
    private final AuditLog audit;
    private final StepUpProperties properties;
    private final Clock clock;

    StepUpService(
            JdbcStepUpRepository proofs,
            MethodsService methods,
            PolicyService policies,
            TotpChecks totp,
            Directory directory,
            NotificationOutbox outbox,
            MessageTexts texts,
            Digests digests,
            Throttle throttle,
            SignInThrottle signIns,
            SessionEpochs sessions,
            AuditLog audit,
            StepUpProperties properties,
            Clock clock) {
        this.proofs = proofs;
        this.methods = methods;
        this.policies = policies;
        this.totp = totp;
        this.directory = directory;
        this.outbox = outbox;
        this.texts = texts;
        this.digests = digests;
        this.throttle = throttle;
        this.signIns = signIns;
        this.sessions = sessions;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The methods the user can prove themselves with: the emails, phones and authenticator that
     * count for them under the policy (their own, an admin's pre-filled contact info or the
     * directory's). Empty: only the password proves it ({@link #proveWithPassword}).
     */
    public List<VerificationMethod> ways(DirectoryUser user) {
        SsprPolicy policy = policies.current();
        return methods.usableMethods(user, policy, policies.requirementsFor(policy, user)).stream()
                .filter(m -> m.type() == MethodType.TOTP || m.address() != null)
                .filter(m -> m.type() != MethodType.QUESTIONS)
                .toList();
    }

    /** Sends a step-up code to the email or phone {@code methodId}; an authenticator needs nothing sent. */
    @Transactional(noRollbackFor = ErrorResponseException.class)
    public void challenge(DirectoryUser user, String methodId) {
        VerificationMethod method = way(user, methodId);
        if (method.type() == MethodType.TOTP) {
            return;
        }
        if (throttle.count("registration-codes:" + user.login(), Duration.ofMinutes(10))
                > RegistrationService.MAX_CODES) {
            throw Problems.of(ProblemCode.TOO_MANY_CODES);
        }
        String code = Digests.newCode(8);
        proofs.saveChallenge(
                user.login(),
                method.type(),
                digests.hmac(codeInput(user, method, code)),
                clock.instant().plus(Duration.ofMinutes(CODE_MINUTES)));
        Locale locale = Languages.forRecipient(user.preferredLanguage());
        outbox.enqueue(
                method.type() == MethodType.EMAIL
                        ? texts.email(Message.Kind.STEP_UP_CODE, method.address(), locale, code, CODE_MINUTES)
                        : texts.sms(Message.Kind.STEP_UP_CODE, method.address(), locale, code, CODE_MINUTES));
    }

    /**
     * Checks the code from {@code methodId} (sent by {@link #challenge}, or from the authenticator)
     * and returns a proof. A wrong, used or expired code is a 400 {@code code-invalid}.
     */
    @Transactional(noRollbackFor = ErrorResponseException.class)
    public Proof prove(DirectoryUser user, String methodId, String code, Caller caller) {
        checkNotThrottled(user, caller);
        VerificationMethod method = way(user, methodId);
        String typed = code == null ? "" : code.strip();
        boolean passed;
        if (method.type() == MethodType.TOTP) {
            passed = totp.matches(user.login(), typed);
        } else {
            String expected = digests.hmac(codeInput(user, method, typed));
            passed = proofs.challenge(user.login(), method.type(), clock.instant())
                            .filter(hash -> proofs.takeAttempt(user.login(), MAX_ATTEMPTS))
                            .filter(hash -> Digests.constantTimeEquals(expected, hash))
                            .isPresent()
                    && proofs.consumeChallenge(user.login());
        }
        if (!passed) {
            failed(user, caller, "User entered an incorrect " + method.type().id() + " code");
            throw Problems.of(ProblemCode.CODE_INVALID);
        }
        return granted(user, caller, method.type().id());
    }

    /** The password typed again: only for a user with no method to prove themselves with. */
    @Transactional(noRollbackFor = ErrorResponseException.class)
    public Proof proveWithPassword(DirectoryUser user, String password, Caller caller) {
        checkNotThrottled(user, caller);
        if (!ways(user).isEmpty()) {
            throw Problems.of(ProblemCode.STEP_UP_METHOD_REQUIRED);
        }
        if (password == null || password.isEmpty() || !passwordIsRight(user, password, caller)) {
            failed(user, caller, "The password was wrong");
            throw Problems.of(ProblemCode.STEP_UP_PASSWORD_WRONG);
        }
        return granted(user, caller, "password");
    }

    /**
     * The password check of a step-up goes through the {@link SignInThrottle} like every other
     * password check: before the directory is asked, counted and audited with the sign-ins.
     */
    private boolean passwordIsRight(DirectoryUser user, String password, Caller caller) {
        try {
            return signIns.attempt(
                            Activity.STEP_UP,
                            user.login(),
                            caller,
                            () -> directory.authenticate(user.login(), password))
                    .isPresent();
        } catch (SignInThrottledException e) {
            throw Problems.tooManyAttempts(e.retryAfterSeconds(), e.retryAfterMinutes());
        }
    }

    /**
     * Refuses a change of {@code user}'s security info without a valid proof: 403 {@code
     * step-up-required} when {@code token} is missing, unknown, someone else's, expired, or older
     * than the user's last password reset or change.
     */
    public void require(DirectoryUser user, String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw required();
        }
        Instant issuedAt = proofs.grantIssuedAt(Digests.sha256(token), user.login(), clock.instant())
                .orElseThrow(StepUpService::required);
        if (sessions.ended(user.login(), issuedAt)) {
            throw required();
        }
    }

    /** True if {@code token} is a valid proof for {@code user} (see {@link #require}). */
    public boolean holds(DirectoryUser user, String token) {
        try {
            require(user, token);
            return true;
        } catch (ErrorResponseException e) {
            return false;
        }
    }

    static ErrorResponseException required() {
        return Problems.of(ProblemCode.STEP_UP_REQUIRED, HEADER);
    }

    /** The request header that carries a proof to the API. */
    public static final String HEADER = "Sspr-Step-Up";

    private VerificationMethod way(DirectoryUser user, String methodId) {
        return ways(user).stream()
                .filter(m -> m.id().equals(methodId))
                .findFirst()
                .orElseThrow(() -> Problems.of(ProblemCode.UNKNOWN_STEP_UP_METHOD, methodId));
    }

    private void checkNotThrottled(DirectoryUser user, Caller caller) {
        if (throttle.peek("step-up:" + user.login(), Duration.ofHours(1)) >= MAX_FAILURES) {
            audit.record(AuditEvent.of(
                    clock.instant(),
                    Activity.STEP_UP,
                    AuditResult.Blocked,
                    caller.as(user.login()),
                    user.login(),
                    "Too many failed attempts"));
            throw Problems.of(ProblemCode.TOO_MANY_STEP_UP_ATTEMPTS);
        }
    }

    private void failed(DirectoryUser user, Caller caller, String details) {
        throttle.count("step-up:" + user.login(), Duration.ofHours(1));
        audit.record(AuditEvent.of(
                clock.instant(),
                Activity.STEP_UP,
                AuditResult.Failure,
                caller.as(user.login()),
                user.login(),
                details));
    }

    private Proof granted(DirectoryUser user, Caller caller, String with) {
        String token = Digests.newToken();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.validFor());
        proofs.saveGrant(Digests.sha256(token), user.login(), now, expiresAt);
        audit.record(AuditEvent.of(
                now, Activity.STEP_UP, AuditResult.Success, caller.as(user.login()), user.login(), "With " + with));
        return new Proof(token, expiresAt);
    }

    private static String codeInput(DirectoryUser user, VerificationMethod method, String code) {
        return "step-up:" + JdbcRegistrationRepository.key(user.login()) + ":"
                + method.type().id() + ":" + method.address() + ":" + code;
    }

    /** A proof: send {@code token} with each change (API: the {@value #HEADER} header) until {@code expiresAt}. */
    public record Proof(String token, Instant expiresAt) {}
}
