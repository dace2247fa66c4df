package org.opensspr.reset;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.opensspr.audit.Activity;
import org.opensspr.audit.AuditEvent;
import org.opensspr.audit.AuditLog;
import org.opensspr.audit.AuditResult;
import org.opensspr.audit.Caller;
import org.opensspr.directory.Directory;
import org.opensspr.directory.DirectoryRejectedPasswordException;
import org.opensspr.directory.DirectoryUnavailableException;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.enrollment.Hints;
import org.opensspr.enrollment.MethodsService;
import org.opensspr.enrollment.VerificationMethod;
import org.opensspr.notify.Message;
import org.opensspr.notify.NotificationOutbox;
import org.opensspr.passwordpolicy.PasswordPolicy;
import org.opensspr.passwordpolicy.Violation;
import org.opensspr.policy.MethodType;
import org.opensspr.policy.PolicyService;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.secrets.Digests;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The self-service password reset flow. A flow id is a 256-bit bearer secret held by the client;
 * the database keeps its SHA-256. Codes are 8 digits, live {@value #CODE_MINUTES} minutes, are
 * kept as an HMAC bound to the flow and the method, and are consumed by a single delete. A flow
 * lives {@value #FLOW_MINUTES} minutes, sends at most {@value #MAX_CHALLENGES} codes and takes at
 * most {@value #MAX_FAILURES} wrong ones before it is locked.
 *
 * <p>Nothing reveals whether an account exists: an unknown, out-of-scope or unregistered login
 * gets a decoy flow with the same shape that never passes a verification. The audit log, which
 * only admins read, says which case it was.
 */
@Service
public class ResetFlowService {

    static final int FLOW_MINUTES = 15;
    static final int CODE_MINUTES = 5;
    static final int CODE_DIGITS = 8;
    static final int MAX_CHALLENGES = 5;
    static final int MAX_FAILURES = 5;

    private final JdbcResetFlowRepository flows;
    private final Directory directory;
    private final PolicyService policies;
    private final MethodsService methods;
    private final PasswordPolicy passwordPolicy;
    private final NotificationOutbox outbox;
    private final Digests digests;
    private final AuditLog audit;
    private final Clock clock;

    ResetFlowService(JdbcResetFlowRepository flows, Directory directory, PolicyService policies, MethodsService methods,
                     PasswordPolicy passwordPolicy, NotificationOutbox outbox, Digests digests, AuditLog audit, Clock clock) {
        this.flows = flows;
        this.directory = directory;
        this.policies = policies;
        this.methods = methods;
        this.passwordPolicy = passwordPolicy;
        this.outbox = outbox;
        this.digests = digests;
        this.audit = audit;
        this.clock = clock;
    }

    /** Starts a flow for {@code login}: a real one if the user may reset, a decoy otherwise. */
    @Transactional
    public StartedFlow start(String login, Caller caller) {
        String typed = login == null ? "" : login.strip();
        SsprPolicy policy = policies.current();
        Optional<DirectoryUser> user = directory.findUser(typed);
        String refusal = null;
        List<VerificationMethod> usable = List.of();
        if (user.isEmpty()) {
            refusal = "User ID not found";
        } else if (!policies.appliesTo(policy, user.get())) {
            refusal = "User is not enabled for self-service password reset";
        } else {
            usable = methods.usableMethods(user.get(), policy);
            if (usable.size() < policy.methodsRequired()) {
                refusal = "User has not registered enough verification methods";
            }
        }
        List<FlowMethod> offered = new ArrayList<>();
        if (refusal == null) {
            usable.forEach(m -> offered.add(new FlowMethod(m.id(), m.type(), m.hint(), m.address())));
        } else {
            offered.addAll(decoyMethods(typed, policy));
        }
        String flowId = Digests.newToken();
        Instant now = clock.instant();
        ResetFlow flow = new ResetFlow(Digests.sha256(flowId), user.map(DirectoryUser::login).orElse(typed),
                refusal == null ? user.get().dn() : null, refusal != null, caller.clientType(), caller.ip(),
                policy.methodsRequired(), offered, ResetFlow.Status.OPEN, 0, 0, now, now.plus(Duration.ofMinutes(FLOW_MINUTES)));
        flows.insert(flow);
        audit.record(AuditEvent.of(now, Activity.FLOW_PROGRESS, AuditResult.Success, caller, typed, "User submitted their user ID"));
        audit.record(AuditEvent.of(now, Activity.FLOW_PROGRESS, refusal == null ? AuditResult.Success : AuditResult.Failure,
                caller, typed, refusal == null ? "User was presented with verification options" : refusal));
        return new StartedFlow(flowId, flow.expiresAt(), flow.required(), offered);
    }

    /** Sends a code for an email method. {@code contact}, when given, must be the method's full address. */
    @Transactional
    public void challenge(String flowId, String methodId, String contact, Caller caller) {
        ResetFlow flow = openFlow(flowId);
        FlowMethod method = flow.method(methodId).orElseThrow(() -> FlowProblems.unknownMethod(methodId));
        if (!flows.countChallenge(flow.idHash(), MAX_CHALLENGES)) {
            audit.record(event(flow, caller, AuditResult.Blocked, "User asked for too many codes in one flow"));
            throw FlowProblems.tooManyAttempts();
        }
        String code = Digests.newCode(CODE_DIGITS);
        Instant now = clock.instant();
        // A decoy stores a code too (nobody learns it), so that both paths do the same work.
        flows.saveChallenge(flow.idHash(), methodId, codeHash(flow, methodId, flow.decoy() ? Digests.newToken() : code),
                now.plus(Duration.ofMinutes(CODE_MINUTES)));
        String name = method.type().id();
        if (contact != null && !contact.isBlank() && (method.address() == null || !method.address().equalsIgnoreCase(contact.strip()))) {
            audit.record(event(flow, caller, AuditResult.Failure, "User entered an " + name + " address that does not match"));
            return;
        }
        if (!flow.decoy() && method.type() == MethodType.EMAIL) {
            outbox.enqueue(new Message(Message.Channel.EMAIL, method.address(), "Your password reset code",
                    "Your verification code is " + code + ".\n\nIt expires in " + CODE_MINUTES + " minutes. If you did not"
                            + " ask to reset your password, ignore this message; nobody can reset it without the code."));
        }
        audit.record(event(flow, caller, AuditResult.Success, "User started the " + name + " verification option"));
    }

    /** Checks a code. Returns how many verifications remain before a new password may be chosen. */
    @Transactional(noRollbackFor = RuntimeException.class)
    public int verify(String flowId, String methodId, String code, Caller caller) {
        ResetFlow flow = openFlow(flowId);
        FlowMethod method = flow.method(methodId).orElseThrow(() -> FlowProblems.unknownMethod(methodId));
        Instant now = clock.instant();
        boolean passed = !flow.decoy() && code != null && code.strip().matches("[0-9]{" + CODE_DIGITS + "}")
                && flows.consumeChallenge(flow.idHash(), methodId, codeHash(flow, methodId, code.strip()), now);
        if (!passed) {
            int failures = flows.countFailure(flow.idHash());
            audit.record(event(flow, caller, AuditResult.Failure, "User entered an incorrect " + method.type().id() + " code"));
            if (failures >= MAX_FAILURES) {
                flows.close(flow.idHash(), ResetFlow.Status.LOCKED);
                audit.record(event(flow, caller, AuditResult.Blocked, "User entered too many incorrect codes"));
                throw FlowProblems.tooManyAttempts();
            }
            throw FlowProblems.codeInvalid();
        }
        flows.markVerified(flow.idHash(), methodId, now);
        audit.record(event(flow, caller.as(flow.login()), AuditResult.Success,
                "User completed the " + method.type().id() + " verification option"));
        return Math.max(0, flow.required() - flows.verifiedCount(flow.idHash()));
    }

    /**
     * Writes the new password to the directory and ends the flow, all or nothing: if the
     * directory fails or refuses, the flow stays open and can be retried.
     */
    @Transactional
    public void resetPassword(String flowId, String newPassword, Caller caller) {
        ResetFlow flow = openFlow(flowId);
        int remaining = flow.decoy() ? flow.required() : Math.max(0, flow.required() - flows.verifiedCount(flow.idHash()));
        if (remaining > 0) {
            throw FlowProblems.notVerified(remaining);
        }
        Caller user = caller.as(flow.login());
        List<Violation> violations = passwordPolicy.evaluate(newPassword);
        if (!violations.isEmpty()) {
            audit.record(event(flow, user, AuditResult.Failure, "User's new password did not meet the password policy"));
            throw FlowProblems.passwordRejected(violations);
        }
        if (!flows.close(flow.idHash(), ResetFlow.Status.COMPLETED)) {
            throw FlowProblems.flowNotFound();
        }
        Instant now = clock.instant();
        try {
            DirectoryUser target = directory.findUser(flow.login()).filter(u -> u.dn().equals(flow.userDn()))
                    .orElseThrow(FlowProblems::flowNotFound);
            directory.resetPassword(target, newPassword);
        } catch (DirectoryUnavailableException e) {
            audit.record(AuditEvent.of(now, Activity.RESET_PASSWORD, AuditResult.Failure, user, flow.login(),
                    "The directory could not be reached; nothing was changed"));
            throw e;
        } catch (DirectoryRejectedPasswordException e) {
            audit.record(AuditEvent.of(now, Activity.RESET_PASSWORD, AuditResult.Failure, user, flow.login(),
                    "The directory refused the new password: " + e.getMessage()));
            throw FlowProblems.passwordRejected(List.of(new Violation("directory-rejected",
                    "The directory did not accept this password: " + e.getMessage())));
        }
        if (policies.current().notifyUserOnReset()) {
            flow.methods().stream().filter(m -> m.type() == MethodType.EMAIL).findFirst().ifPresent(m -> outbox.enqueue(
                    new Message(Message.Channel.EMAIL, m.address(), "Your password was reset",
                            "The password of your account " + flow.login() + " was just reset with self-service password reset.\n\n"
                                    + "If this was not you, contact your helpdesk now.")));
        }
        audit.record(event(flow, user, AuditResult.Success, "User successfully reset password"));
        audit.record(AuditEvent.of(clock.instant(), Activity.RESET_PASSWORD, AuditResult.Success, user, flow.login(), ""));
    }

    /** Removes flows a day after they expired; the rows serve nobody after that. */
    @Scheduled(fixedDelay = 600_000, initialDelay = 60_000)
    @Transactional
    public void purgeExpired() {
        flows.deleteExpired(clock.instant().minus(Duration.ofDays(1)));
    }

    private ResetFlow openFlow(String flowId) {
        if (flowId == null || flowId.length() > 100) {
            throw FlowProblems.flowNotFound();
        }
        ResetFlow flow = flows.find(Digests.sha256(flowId), clock.instant()).orElseThrow(FlowProblems::flowNotFound);
        if (flow.status() == ResetFlow.Status.LOCKED) {
            throw FlowProblems.tooManyAttempts();
        }
        if (flow.status() != ResetFlow.Status.OPEN) {
            throw FlowProblems.flowNotFound();
        }
        return flow;
    }

    private String codeHash(ResetFlow flow, String methodId, String code) {
        return digests.hmac(flow.idHash() + ":" + methodId + ":" + code);
    }

    private AuditEvent event(ResetFlow flow, Caller caller, AuditResult result, String reason) {
        return AuditEvent.of(clock.instant(), Activity.FLOW_PROGRESS, result, caller, flow.login(), reason);
    }

    /** What an unknown login is shown: the policy's email method with a plausible hint in the directory's domain. */
    private List<FlowMethod> decoyMethods(String login, SsprPolicy policy) {
        List<FlowMethod> decoys = new ArrayList<>();
        if (policy.methods().contains(MethodType.EMAIL)) {
            String first = login.isEmpty() ? "a" : login.substring(0, 1).toLowerCase(java.util.Locale.ROOT);
            decoys.add(new FlowMethod("email", MethodType.EMAIL, Hints.email(first + "@" + domainOf(directory.baseDn())), null));
        }
        return decoys;
    }

    /** {@code dc=example,dc=org} -> {@code example.org}. */
    static String domainOf(String baseDn) {
        StringBuilder domain = new StringBuilder();
        for (String part : baseDn.split(",")) {
            String rdn = part.strip();
            if (rdn.regionMatches(true, 0, "dc=", 0, 3)) {
                domain.append(domain.length() == 0 ? "" : ".").append(rdn.substring(3));
            }
        }
        return domain.length() == 0 ? "example.com" : domain.toString();
    }

    /** The answer to a started flow. {@code flowId} is shown once and stored only as a hash. */
    public record StartedFlow(String flowId, Instant expiresAt, int required, List<FlowMethod> methods) {
    }
}
