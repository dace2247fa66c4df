package org.opensspr.enrollment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opensspr.audit.Activity;
import org.opensspr.audit.AuditEvent;
import org.opensspr.audit.AuditLog;
import org.opensspr.audit.AuditResult;
import org.opensspr.audit.Caller;
import org.opensspr.directory.Directory;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.policy.MethodType;
import org.opensspr.policy.PolicyService;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.web.SignInInterrupt;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a user's security info stands under the policy: which methods count, how many more are
 * needed, and whether a registration is due for reconfirmation ({@link SsprPolicy#reconfirmDays()}).
 * One answer for the API ({@code GET /api/v1/me/methods}), the security-info page and the
 * registration interrupt after signing in at {@code /login}: when the policy's {@code
 * registrationRequired} is on and the user is in its scope, a user with too few methods must set
 * them up first, and a user whose registration is older than {@code reconfirmDays} is asked whether
 * it is still current. There is no "skip": the policy has no setting that allows one. The helpdesk
 * can ask a user in scope for the same at the next sign-in, whatever the policy says
 * ({@link StaffSecurityInfo#demandRegistration}): reconfirmation is then due until they confirm.
 */
@Service
public class SecurityInfoService implements SignInInterrupt {

    /** The interrupt page ({@link InterruptPageController}). */
    static final String INTERRUPT_PAGE = "/register/interrupt";

    private final MethodsService methods;
    private final RegistrationService registration;
    private final JdbcRegistrationRepository registrations;
    private final PolicyService policies;
    private final Directory directory;
    private final AuditLog audit;
    private final Clock clock;

    SecurityInfoService(
            MethodsService methods,
            RegistrationService registration,
            JdbcRegistrationRepository registrations,
            PolicyService policies,
            Directory directory,
            AuditLog audit,
            Clock clock) {
        this.methods = methods;
        this.registration = registration;
        this.registrations = registrations;
        this.policies = policies;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** The user's security info under the current policy. */
    @Transactional(readOnly = true)
    public Status status(DirectoryUser user) {
        SsprPolicy policy = policies.current();
        PolicyService.Eligibility eligibility = policies.eligibility(policy, user);
        List<VerificationMethod> usable = methods.usableMethods(user, policy, eligibility.requirements());
        List<RegistrationService.RegisteredView> registered = registration.view(user);
        Instant reconfirmBefore = clock.instant().minus(Duration.ofDays(policy.reconfirmDays()));
        boolean demanded = registrations.demanded(user.login());
        boolean reconfirmDue = demanded
                || (policy.reconfirmDays() > 0
                        && registered.stream().anyMatch(r -> r.registeredAt().isBefore(reconfirmBefore)));
        return new Status(
                eligibility.requirements().required(),
                eligibility.requirements().allowed(),
                usable,
                registered,
                eligibility.inScope() && (policy.registrationRequired() || demanded),
                reconfirmDue);
    }

    /**
     * The registration interrupt for a user who just signed in: {@value #INTERRUPT_PAGE} when
     * {@link Status#interrupt()} asks for one; empty for a login the directory does not know.
     */
    @Override
    public Optional<String> pageFor(String login) {
        return directory
                .findUser(login)
                .filter(user -> status(user).interrupt() != Interrupt.NONE)
                .map(user -> INTERRUPT_PAGE);
    }

    /**
     * The user says at the reconfirmation interrupt that their security info is still current:
     * every registered method counts as confirmed now, so the question comes back after
     * {@code reconfirmDays}. Audited as {@link Activity#REVIEWED_SECURITY_INFO}. Needs no step-up
     * proof: nothing changes hands.
     */
    @Transactional
    public void reconfirm(DirectoryUser user, Caller caller) {
        int confirmed = registrations.confirmAll(user.login(), clock.instant());
        registrations.demandMet(user.login());
        audit.record(AuditEvent.of(
                clock.instant(),
                Activity.REVIEWED_SECURITY_INFO,
                AuditResult.Success,
                caller.as(user.login()),
                user.login(),
                "User confirmed " + confirmed + " registered method" + (confirmed == 1 ? "" : "s") + " still current"));
    }

    /** What the registration interrupt asks of a user, if anything. */
    public enum Interrupt {
        NONE,
        /** Too few methods count: set up more before going on. */
        SET_UP,
        /** A registration is older than the policy's reconfirmDays: is it still current? */
        RECONFIRM
    }

    /**
     * A user's security info. {@code usable}: the methods that count, in the policy's order (their
     * own registration, an admin's pre-filled contact or the directory's); {@code registered}: the
     * ones they registered themselves, with when they registered or last confirmed them;
     * {@code registrationRequired}: the policy asks this user to register when signing in.
     */
    public record Status(
            int required,
            List<MethodType> allowed,
            List<VerificationMethod> usable,
            List<RegistrationService.RegisteredView> registered,
            boolean registrationRequired,
            boolean reconfirmDue) {

        public Status {
            allowed = List.copyOf(allowed);
            usable = List.copyOf(usable);
            registered = List.copyOf(registered);
        }

        /** Enough methods count for a reset. */
        public boolean complete() {
            return usable.size() >= required;
        }

        /** How many more methods the user needs (0 when complete). */
        public int missing() {
            return Math.max(0, required - usable.size());
        }

        /** Whether the user registered {@code type} themselves (it can be deleted). */
        public boolean registered(MethodType type) {
            return registered.stream().anyMatch(r -> r.type().equals(type.id()));
        }

        /** The methods the policy allows this user that do not count yet: what "Add a method" offers. */
        public List<MethodType> addable() {
            return allowed.stream()
                    .filter(type -> usable.stream().noneMatch(m -> m.type() == type))
                    .toList();
        }

        /** What the interrupt after signing in asks: setting up comes before reconfirming. */
        public Interrupt interrupt() {
            if (!registrationRequired) {
                return Interrupt.NONE;
            }
            if (!complete()) {
                return Interrupt.SET_UP;
            }
            return reconfirmDue ? Interrupt.RECONFIRM : Interrupt.NONE;
        }
    }
}
