package org.opensspr.enrollment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.opensspr.audit.Activity;
import org.opensspr.audit.AuditEvent;
import org.opensspr.audit.AuditLog;
import org.opensspr.audit.AuditResult;
import org.opensspr.audit.Caller;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.notify.Message;
import org.opensspr.notify.MessageTexts;
import org.opensspr.notify.NotificationOutbox;
import org.opensspr.policy.MethodType;
import org.opensspr.policy.PolicyService;
import org.opensspr.policy.Requirements;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.secrets.Argon2idHasher;
import org.opensspr.secrets.Digests;
import org.opensspr.secrets.SecretBox;
import org.opensspr.system.InvalidInput;
import org.opensspr.system.Languages;
import org.opensspr.system.ProblemCode;
import org.opensspr.system.Problems;
import org.opensspr.throttle.Throttle;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.ObjectMapper;

/**
 * A signed-in user registers the methods they will reset with. An email address or phone number
 * counts only after the user typed the code sent to it (8 digits, {@value #CODE_MINUTES} minutes,
 * {@value #MAX_FAILURES} tries, at most {@value #MAX_CODES} codes per 10 minutes).
 */
@Service
public class RegistrationService {

    static final int CODE_MINUTES = 5;
    static final int MAX_FAILURES = 5;
    static final int MAX_CODES = 10;
    static final int TOTP_MINUTES = 10;

    private final JdbcRegistrationRepository registrations;
    private final MethodsService methods;
    private final PolicyService policies;
    private final NotificationOutbox outbox;
    private final MessageTexts texts;
    private final Digests digests;
    private final Throttle throttle;
    private final AuditLog audit;
    private final Clock clock;
    private final String defaultRegion;
    private final SecretBox box;
    private final Totp totp;
    private final QuestionCatalog catalog;
    private final Argon2idHasher hasher;
    private final ObjectMapper json;
    private final StepUpService stepUp;
    private final SecurityInfoNotices notices;

    RegistrationService(
            JdbcRegistrationRepository registrations,
            MethodsService methods,
            PolicyService policies,
            NotificationOutbox outbox,
            MessageTexts texts,
            Digests digests,
            Throttle throttle,
            AuditLog audit,
            Clock clock,
            PhoneProperties phone,
            SecretBox box,
            Totp totp,
            QuestionCatalog catalog,
            Argon2idHasher hasher,
            ObjectMapper json,
            StepUpService stepUp,
            SecurityInfoNotices notices) {
        this.stepUp = stepUp;
        this.notices = notices;
        this.box = box;
        this.totp = totp;
        this.catalog = catalog;
        this.hasher = hasher;
        this.json = json;
        this.registrations = registrations;
        this.methods = methods;
        this.policies = policies;
        this.outbox = outbox;
        this.texts = texts;
        this.digests = digests;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
        this.defaultRegion = phone.defaultRegion();
    }

    /**
     * Sends a code to a new email address; the address counts once the code comes back. A refusal
     * (too many codes) commits the count that caused it. Like every change of security info it
     * needs a step-up proof ({@code stepUp}, see {@link StepUpService#require}).
     */
    @Transactional(noRollbackFor = ErrorResponseException.class)
    public void startEmail(DirectoryUser user, String address, String stepUp, Caller caller) {
        this.stepUp.require(user, stepUp);
        ContactInfo checked = new ContactInfo(address, null);
        if (checked.email() == null) {
            throw new InvalidInput(ProblemCode.EMAIL_REQUIRED);
        }
        sendCode(user, MethodType.EMAIL, checked.email());
    }

    /** Sends a code by SMS to a new phone number; the number counts once the code comes back (as above). */
    @Transactional(noRollbackFor = ErrorResponseException.class)
    public void startSms(DirectoryUser user, String phone, String stepUp, Caller caller) {
        this.stepUp.require(user, stepUp);
        sendCode(user, MethodType.SMS, PhoneNumbers.toE164(phone, defaultRegion));
    }

    /** Confirms a pending email or SMS registration with its code. */
    @Transactional(noRollbackFor = RuntimeException.class)
    public void verifyCode(DirectoryUser user, MethodType type, String code, Caller caller) {
        Instant now = clock.instant();
        JdbcRegistrationRepository.Pending pending = registrations
                .pending(user.login(), type, now)
                .orElseThrow(() ->
                        Problems.of(ProblemCode.REGISTRATION_NOT_FOUND, Problems.text("problem.method." + type.id())));
        String expected = digests.hmac(codeInput(user, type, pending.value(), code == null ? "" : code.strip()));
        if (!Digests.constantTimeEquals(expected, pending.codeHash())) {
            if (registrations.countPendingFailure(user.login(), type) >= MAX_FAILURES) {
                registrations.consumePending(user.login(), type);
            }
            throw Problems.of(ProblemCode.CODE_INVALID);
        }
        if (registrations.consumePending(user.login(), type)) {
            registered(user, type, pending.value(), caller);
        }
    }

    /**
     * Starts an authenticator registration: a new 160-bit secret, kept sealed until the app
     * proves it has it with a first code ({@value #TOTP_MINUTES} minutes).
     */
    @Transactional
    public TotpEnrollment startTotp(DirectoryUser user, String issuer, String stepUp) {
        this.stepUp.require(user, stepUp);
        byte[] secret = Totp.newSecret();
        String base32 = Base32.encode(secret);
        registrations.savePending(
                user.login(),
                MethodType.TOTP,
                box.seal(base32, TotpChecks.PURPOSE),
                null,
                clock.instant().plus(Duration.ofMinutes(TOTP_MINUTES)));
        return enrollment(issuer, user, base32);
    }

    /**
     * The authenticator registration still waiting for its first code, shown again after a wrong
     * code so the user need not scan a new QR code; empty once it expired or too many wrong codes
     * used it up.
     */
    @Transactional(readOnly = true)
    public Optional<TotpEnrollment> pendingTotp(DirectoryUser user, String issuer) {
        return registrations
                .pending(user.login(), MethodType.TOTP, clock.instant())
                .map(pending -> enrollment(issuer, user, box.open(pending.value(), TotpChecks.PURPOSE)));
    }

    private static TotpEnrollment enrollment(String issuer, DirectoryUser user, String base32) {
        String uri = OtpAuthUri.of(issuer, user.login(), Base32.decode(base32));
        return new TotpEnrollment(base32, uri, QrCode.svg(uri));
    }

    /** Confirms the authenticator with its first code, which is then used up. */
    @Transactional(noRollbackFor = RuntimeException.class)
    public void verifyTotp(DirectoryUser user, String code, Caller caller) {
        JdbcRegistrationRepository.Pending pending = registrations
                .pending(user.login(), MethodType.TOTP, clock.instant())
                .orElseThrow(() -> Problems.of(ProblemCode.AUTHENTICATOR_REGISTRATION_NOT_FOUND));
        OptionalLong step =
                totp.verify(Base32.decode(box.open(pending.value(), TotpChecks.PURPOSE)), code, Long.MIN_VALUE);
        if (step.isEmpty()) {
            if (registrations.countPendingFailure(user.login(), MethodType.TOTP) >= MAX_FAILURES) {
                registrations.consumePending(user.login(), MethodType.TOTP);
            }
            throw Problems.of(ProblemCode.AUTHENTICATOR_CODE_INVALID);
        }
        if (registrations.consumePending(user.login(), MethodType.TOTP)) {
            registered(user, MethodType.TOTP, pending.value(), caller);
            registrations.advanceTotpStep(user.login(), step.getAsLong());
        }
    }

    /**
     * Registers security answers: exactly the policy's number of questions, each a predefined
     * or custom question, answers 3-40 characters and all different; stored as Argon2id hashes.
     */
    @Transactional
    public void setQuestions(DirectoryUser user, Map<String, String> answers, String stepUp, Caller caller) {
        this.stepUp.require(user, stepUp);
        SsprPolicy policy = policies.current();
        if (answers.size() != policy.questionsToRegister()) {
            throw new InvalidInput(ProblemCode.ANSWERS_COUNT, policy.questionsToRegister());
        }
        List<String> custom =
                policy.customQuestions().stream().map(CustomQuestions::idOf).toList();
        List<String> normalized = new ArrayList<>();
        for (String id : answers.keySet()) {
            if (!catalog.isPredefined(id) && !custom.contains(id)) {
                throw new InvalidInput(ProblemCode.QUESTION_UNKNOWN, id);
            }
            normalized.add(AnswerNormalizer.normalize(answers.get(id)));
        }
        List<MessageSourceResolvable> problems = SecurityAnswers.problems(normalized);
        if (!problems.isEmpty()) {
            throw new InvalidInput(ProblemCode.ANSWERS_REFUSED, problems);
        }
        List<QuestionChecks.StoredAnswer> stored = new ArrayList<>();
        int i = 0;
        for (String id : answers.keySet()) {
            stored.add(new QuestionChecks.StoredAnswer(id, hasher.hash(normalized.get(i++))));
        }
        registered(user, MethodType.QUESTIONS, json.writeValueAsString(stored), caller);
    }

    /** The questions a user can choose from: the catalog in {@code locale}, then the admin's own. */
    public List<Question> availableQuestions(Locale locale) {
        List<Question> all = new ArrayList<>();
        catalog.ids().forEach(id -> all.add(new Question(id, catalog.text(id, locale))));
        policies.current().customQuestions().forEach(text -> all.add(new Question(CustomQuestions.idOf(text), text)));
        return all;
    }

    /**
     * Stores a confirmed method and audits it, and says so once all the required methods are there.
     * Every address on file hears of it, the old ones too ({@link SecurityInfoNotices}).
     */
    void registered(DirectoryUser user, MethodType type, String value, Caller caller) {
        Set<SecurityInfoNotices.Address> before = notices.onFile(user);
        registrations.save(user.login(), type, value, clock.instant());
        notices.changed(user, before, type, true, type == MethodType.EMAIL || type == MethodType.SMS ? value : null);
        Caller self = caller.as(user.login());
        audit.record(AuditEvent.of(
                clock.instant(),
                Activity.REGISTERED_SECURITY_INFO,
                AuditResult.Success,
                self,
                user.login(),
                "User registered " + type.id()));
        SsprPolicy policy = policies.current();
        Requirements requirements = policies.requirementsFor(policy, user);
        long counted = methods.usableMethods(user, policy, requirements).size();
        if (counted >= requirements.required()) {
            audit.record(AuditEvent.of(
                    clock.instant(),
                    Activity.REGISTERED_ALL_SECURITY_INFO,
                    AuditResult.Success,
                    self,
                    user.login(),
                    counted + " of " + requirements.required() + " required methods"));
        }
    }

    /** Removes a registered method (with a step-up proof); admin-prefilled and directory contact info stay. */
    @Transactional
    public void delete(DirectoryUser user, MethodType type, String stepUp, Caller caller) {
        this.stepUp.require(user, stepUp);
        Set<SecurityInfoNotices.Address> before = notices.onFile(user);
        if (!registrations.delete(user.login(), type)) {
            throw Problems.of(ProblemCode.METHOD_NOT_REGISTERED, Problems.text("problem.method." + type.id()));
        }
        audit.record(AuditEvent.of(
                clock.instant(),
                Activity.DELETED_SECURITY_INFO,
                AuditResult.Success,
                caller.as(user.login()),
                user.login(),
                "User deleted " + type.id()));
        notices.changed(user, before, type, false, null);
    }

    /** The user's methods as the registration page shows them. */
    public List<RegisteredView> view(DirectoryUser user) {
        return registrations.methods(user.login()).stream()
                .map(m -> new RegisteredView(
                        m.type().id(),
                        switch (m.type()) {
                            case EMAIL -> Hints.email(m.value());
                            case SMS -> Hints.phone(m.value());
                            default -> "";
                        },
                        m.registeredAt()))
                .toList();
    }

    private void sendCode(DirectoryUser user, MethodType type, String address) {
        if (throttle.count("registration-codes:" + user.login(), Duration.ofMinutes(10)) > MAX_CODES) {
            throw Problems.of(ProblemCode.TOO_MANY_CODES);
        }
        String code = Digests.newCode(8);
        registrations.savePending(
                user.login(),
                type,
                address,
                digests.hmac(codeInput(user, type, address, code)),
                clock.instant().plus(Duration.ofMinutes(CODE_MINUTES)));
        Locale locale = Languages.forRecipient(user.preferredLanguage());
        outbox.enqueue(
                type == MethodType.EMAIL
                        ? texts.email(Message.Kind.REGISTRATION_CODE, address, locale, code, CODE_MINUTES)
                        : texts.sms(Message.Kind.REGISTRATION_CODE, address, locale, code, CODE_MINUTES));
    }

    private static String codeInput(DirectoryUser user, MethodType type, String address, String code) {
        return "registration:" + JdbcRegistrationRepository.key(user.login()) + ":" + type.id() + ":" + address + ":"
                + code;
    }

    /** What an authenticator app needs: the secret (for typing in), the otpauth URI and its QR code as SVG. */
    public record TotpEnrollment(String secret, String otpauthUri, String qrSvg) {}

    /** A registered method as shown to its owner. */
    public record RegisteredView(String type, String hint, Instant registeredAt) {}
}
