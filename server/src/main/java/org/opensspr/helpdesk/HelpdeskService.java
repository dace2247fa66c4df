package org.opensspr.helpdesk;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.opensspr.audit.Activity;
import org.opensspr.audit.AuditEvent;
import org.opensspr.audit.AuditFilter;
import org.opensspr.audit.AuditLog;
import org.opensspr.audit.AuditQuery;
import org.opensspr.audit.AuditResult;
import org.opensspr.audit.Caller;
import org.opensspr.directory.Directory;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.enrollment.MethodsService;
import org.opensspr.enrollment.RegistrationService;
import org.opensspr.enrollment.SecurityInfoService;
import org.opensspr.enrollment.StaffSecurityInfo;
import org.opensspr.enrollment.VerificationMethod;
import org.opensspr.notify.Message;
import org.opensspr.notify.MessageTexts;
import org.opensspr.notify.NotificationOutbox;
import org.opensspr.policy.MethodType;
import org.opensspr.policy.PolicyService;
import org.opensspr.reset.ResetBlocks;
import org.opensspr.system.Languages;
import org.opensspr.system.ProblemCode;
import org.opensspr.system.Problems;
import org.opensspr.throttle.SignInThrottle;
import org.opensspr.web.SupportCodes;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the helpdesk does for a user, behind the REST API ({@code /api/v1/helpdesk/**}) and the
 * console: look them up, lift their blocks, clear a lost method, require re-registration, send a
 * reset link, and find the user and event behind a support code. Staff are trusted: an unknown login
 * is answered {@code 404 user-not-found}, the same for every action. Every change is audited in its
 * own transaction with the staff member ({@code staff}) as actor and the user's login as target;
 * lookups are not audited. Addresses and numbers are only ever shown masked.
 */
@Service
public class HelpdeskService {

    /** How many audit events a lookup shows. */
    static final int LAST_ACTIVITY = 20;

    private final Directory directory;
    private final PolicyService policies;
    private final SecurityInfoService securityInfo;
    private final StaffSecurityInfo staffChanges;
    private final MethodsService methods;
    private final ResetBlocks resetBlocks;
    private final SignInThrottle signIn;
    private final NotificationOutbox outbox;
    private final MessageTexts texts;
    private final SupportCodes supportCodes;
    private final AuditLog audit;
    private final Clock clock;

    HelpdeskService(
            Directory directory,
            PolicyService policies,
            SecurityInfoService securityInfo,
            StaffSecurityInfo staffChanges,
            MethodsService methods,
            ResetBlocks resetBlocks,
            SignInThrottle signIn,
            NotificationOutbox outbox,
            MessageTexts texts,
            SupportCodes supportCodes,
            AuditLog audit,
            Clock clock) {
        this.directory = directory;
        this.policies = policies;
        this.securityInfo = securityInfo;
        this.staffChanges = staffChanges;
        this.methods = methods;
        this.resetBlocks = resetBlocks;
        this.signIn = signIn;
        this.outbox = outbox;
        this.texts = texts;
        this.supportCodes = supportCodes;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The user with masked methods, registration status, blocks and the last {@value #LAST_ACTIVITY}
     * audit events about them.
     *
     * @throws org.opensspr.system.CodedProblem {@code 404 user-not-found} when the directory has no such login
     */
    @Transactional(readOnly = true)
    public HelpdeskUser lookup(String login) {
        DirectoryUser user = user(login);
        SecurityInfoService.Status status = securityInfo.status(user);
        boolean inScope = policies.eligibility(policies.current(), user).inScope();
        List<HelpdeskUser.Method> shown =
                status.usable().stream().map(m -> method(user, status, m)).toList();
        HelpdeskUser.Registration registration = new HelpdeskUser.Registration(
                status.registrationRequired(),
                status.reconfirmDue(),
                staffChanges.registrationDemanded(user),
                status.interrupt().name());
        List<HelpdeskUser.ResetBlock> blocks = resetBlocks.of(user.login()).stream()
                .map(b -> new HelpdeskUser.ResetBlock(
                        b.key().equals(user.login().strip().toLowerCase(Locale.ROOT)), b.until(), b.reason()))
                .toList();
        return new HelpdeskUser(
                user.login(),
                user.displayName(),
                inScope,
                status.required(),
                shown,
                status.complete(),
                registration,
                new HelpdeskUser.Blocks(blocks, signIn.lockedUntil(user.login()).orElse(null)),
                audit.search(AuditQuery.first(
                                new AuditFilter(null, null, user.login(), null, null, null, null, null), LAST_ACTIVITY))
                        .events());
    }

    /**
     * Lifts the user's blocks from self-service password reset (everywhere and from every source, with
     * the failures counted towards them) and their sign-in lock-out (their failed passwords). Audited
     * as {@value Activity#HELPDESK_LIFT_BLOCK}, also when nothing was blocked.
     */
    @Transactional
    public void liftBlocks(String login, Caller staff) {
        DirectoryUser user = user(login);
        boolean lockedOut = signIn.lockedUntil(user.login()).isPresent();
        int lifted = resetBlocks.lift(user.login());
        signIn.release(user.login());
        record(
                Activity.HELPDESK_LIFT_BLOCK,
                staff,
                user,
                "Lifted " + lifted + " reset block" + (lifted == 1 ? "" : "s")
                        + (lockedOut ? " and the sign-in lock-out" : ""));
    }

    /**
     * Clears one method the user has on file: their registration and, for email and SMS, an admin's
     * pre-filled address or number. The user is told at every address on file. Audited as {@value
     * Activity#HELPDESK_DELETE_SECURITY_INFO}.
     *
     * @throws org.opensspr.system.CodedProblem {@code 404 method-not-registered} when nothing of that type
     *     is registered or pre-filled (the directory's own {@code mail} and {@code mobile} are not cleared)
     */
    @Transactional
    public void clearMethod(String login, MethodType type, Caller staff) {
        DirectoryUser user = user(login);
        List<StaffSecurityInfo.Source> cleared = staffChanges.clear(user, type);
        if (cleared.isEmpty()) {
            throw Problems.of(ProblemCode.METHOD_NOT_ON_FILE, Problems.text("problem.method." + type.id()));
        }
        record(
                Activity.HELPDESK_DELETE_SECURITY_INFO,
                staff,
                user,
                "Cleared " + type.id() + " ("
                        + String.join(
                                ", ",
                                cleared.stream()
                                        .map(s -> s.name().toLowerCase(Locale.ROOT))
                                        .toList())
                        + ")");
    }

    /**
     * The user must register (too few methods) or confirm their methods at the next portal sign-in,
     * whatever the policy's {@code registrationRequired} and {@code reconfirmDays}, until they confirm;
     * only users in the policy's scope are asked. Audited as {@value Activity#HELPDESK_REQUIRE_REGISTRATION}.
     */
    @Transactional
    public void requireRegistration(String login, Caller staff) {
        DirectoryUser user = user(login);
        staffChanges.demandRegistration(user, staff.actor());
        record(
                Activity.HELPDESK_REQUIRE_REGISTRATION,
                staff,
                user,
                "User must register or confirm security info at the next sign-in");
    }

    /**
     * Mails the user a link to the portal's reset page with their login filled in, at every email
     * address on file (registered, pre-filled, the directory's {@code mail}), in their language; the
     * mail commits with the audit event ({@value Activity#HELPDESK_SEND_RESET_LINK}).
     *
     * @param portal the portal's address as users reach it, e.g. {@code https://sspr.example.org}
     * @return how many addresses the link went to
     * @throws org.opensspr.system.CodedProblem {@code 409 no-email-on-file} when there is no address
     */
    @Transactional
    public int sendResetLink(String login, String portal, Caller staff) {
        Objects.requireNonNull(portal, "portal cannot be null");
        DirectoryUser user = user(login);
        List<String> addresses = methods.emailsOnFile(user);
        if (addresses.isEmpty()) {
            throw Problems.of(ProblemCode.NO_EMAIL_ON_FILE, user.login());
        }
        String link = (portal.endsWith("/") ? portal.substring(0, portal.length() - 1) : portal) + "/reset?login="
                + URLEncoder.encode(user.login(), StandardCharsets.UTF_8);
        Locale locale = Languages.forRecipient(user.preferredLanguage());
        for (String address : addresses) {
            outbox.enqueue(texts.email(Message.Kind.RESET_LINK, address, locale, user.login(), link));
        }
        record(
                Activity.HELPDESK_SEND_RESET_LINK,
                staff,
                user,
                "Sent a reset link to " + addresses.size() + " email address" + (addresses.size() == 1 ? "" : "es"));
        return addresses.size();
    }

    /**
     * The page error behind a support code, with the user (when the page had a login) and the audit
     * events about them around that moment.
     *
     * @throws org.opensspr.system.CodedProblem {@code 404 support-code-not-found} for an unknown or purged code
     */
    @Transactional(readOnly = true)
    public SupportCodeLookup supportCode(String code) {
        SupportCodes.SupportCode found =
                supportCodes.find(code).orElseThrow(() -> Problems.of(ProblemCode.SUPPORT_CODE_NOT_FOUND, code));
        String displayName = null;
        List<AuditEvent> events = List.of();
        if (found.login() != null) {
            Optional<DirectoryUser> user = directory.findUser(found.login());
            displayName = user.map(DirectoryUser::displayName).orElse(null);
            Instant at = found.occurredAt();
            events = audit.search(AuditQuery.first(
                            new AuditFilter(
                                    at.minus(Duration.ofMinutes(5)),
                                    at.plus(Duration.ofMinutes(1)),
                                    user.map(DirectoryUser::login).orElse(found.login()),
                                    null,
                                    null,
                                    null,
                                    null,
                                    null),
                            LAST_ACTIVITY))
                    .events();
        }
        return new SupportCodeLookup(
                found.code(),
                found.occurredAt(),
                found.page(),
                found.error(),
                found.ip(),
                found.clientType(),
                found.login(),
                displayName,
                events);
    }

    private DirectoryUser user(String login) {
        if (login == null || login.isBlank()) {
            throw Problems.of(ProblemCode.USER_NOT_FOUND, "");
        }
        return directory.findUser(login).orElseThrow(() -> Problems.of(ProblemCode.USER_NOT_FOUND, login));
    }

    private HelpdeskUser.Method method(
            DirectoryUser user, SecurityInfoService.Status status, VerificationMethod method) {
        Optional<RegistrationService.RegisteredView> registered = status.registered().stream()
                .filter(r -> r.type().equals(method.type().id()))
                .findFirst();
        String source;
        if (registered.isPresent()) {
            source = "registered";
        } else if (method.type() == MethodType.EMAIL
                && user.mail()
                        .filter(mail -> mail.equalsIgnoreCase(method.address()))
                        .isPresent()) {
            source = "directory";
        } else if (method.type() == MethodType.SMS
                && user.mobile()
                        .flatMap(methods::e164)
                        .filter(method.address()::equals)
                        .isPresent()) {
            source = "directory";
        } else {
            source = "prefilled";
        }
        return new HelpdeskUser.Method(
                method.type().id(),
                method.hint(),
                source,
                registered.map(RegistrationService.RegisteredView::registeredAt).orElse(null));
    }

    private void record(String activity, Caller staff, DirectoryUser user, String details) {
        audit.record(AuditEvent.of(clock.instant(), activity, AuditResult.Success, staff, user.login(), details));
    }
}
