package org.opensspr.reset;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opensspr.audit.Activity;
import org.opensspr.audit.AuditEvent;
import org.opensspr.audit.AuditLog;
import org.opensspr.audit.AuditResult;
import org.opensspr.audit.Caller;
import org.opensspr.audit.ClientType;
import org.opensspr.devices.LogonSessionService;
import org.opensspr.directory.Directory;
import org.opensspr.directory.DirectoryRejectedPasswordException;
import org.opensspr.directory.DirectoryUnavailableException;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.directory.DirectoryWriteUnknownException;
import org.opensspr.enrollment.MethodsService;
import org.opensspr.enrollment.Question;
import org.opensspr.enrollment.VerificationMethod;
import org.opensspr.notify.Message;
import org.opensspr.passwordpolicy.PasswordPolicy;
import org.opensspr.passwordpolicy.Violation;
import org.opensspr.policy.MethodType;
import org.opensspr.policy.PolicyService;
import org.opensspr.policy.Requirements;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.secrets.Digests;
import org.opensspr.system.Languages;
import org.opensspr.web.SessionEpochs;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * The self-service password reset flow. A flow id is a 256-bit bearer secret held by the client;
 * the database keeps its SHA-256. A flow lives {@value #FLOW_MINUTES} minutes, opens at most
 * {@value #MAX_CHALLENGES} gates and takes at most {@value #MAX_FAILURES} failed verifications
 * before it is locked; {@link ResetThrottling} adds Azure's per-login limits across flows.
 *
 * <p>Nothing reveals whether an account exists: an unknown, out-of-scope or unregistered login
 * gets a decoy flow with the same shape that never passes a verification. The audit log, which
 * only admins read, says which case it was.
 *
 * <p>Each step uses one database connection at a time and no nested transaction: its audit events
 * and throttle counts commit with its own state. A step that refuses a request (a problem
 * answer, or a directory that cannot be reached) commits what it recorded before it refused,
 * rather than rolling it back. The password and unlock steps hold no database connection while
 * they wait for the directory: they commit their intent first (status WRITING), write to the
 * directory, then commit the outcome; {@link InterruptedWrites} settles a write a crash cut off.
 */
@Service
public class ResetFlowService {

    static final int FLOW_MINUTES = 15;
    static final int MAX_CHALLENGES = 5;
    static final int MAX_FAILURES = 5;

    private final JdbcResetFlowRepository flows;
    private final Gates gates;
    private final ResetThrottling throttling;
    private final Directory directory;
    private final PolicyService policies;
    private final MethodsService methods;
    private final PasswordPolicy passwordPolicy;
    private final ResetNotices notices;
    private final Decoys decoys;
    private final AuditLog audit;
    private final LogonSessionService logonSessions;
    private final SessionEpochs sessions;
    private final TransactionTemplate transaction;
    private final ResetMetrics metrics;
    private final Clock clock;

    ResetFlowService(
            JdbcResetFlowRepository flows,
            Gates gates,
            ResetThrottling throttling,
            Directory directory,
            PolicyService policies,
            MethodsService methods,
            PasswordPolicy passwordPolicy,
            ResetNotices notices,
            Decoys decoys,
            AuditLog audit,
            LogonSessionService logonSessions,
            SessionEpochs sessions,
            PlatformTransactionManager transactionManager,
            ResetMetrics metrics,
            Clock clock) {
        this.flows = flows;
        this.gates = gates;
        this.throttling = throttling;
        this.directory = directory;
        this.policies = policies;
        this.methods = methods;
        this.passwordPolicy = passwordPolicy;
        this.notices = notices;
        this.decoys = decoys;
        this.audit = audit;
        this.logonSessions = logonSessions;
        this.sessions = sessions;
        this.transaction = new TransactionTemplate(transactionManager);
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Starts a flow for {@code login}: a real one if the user may reset, a decoy otherwise. */
    @Transactional(noRollbackFor = {ErrorResponseException.class, DirectoryUnavailableException.class})
    public StartedFlow start(String login, Caller caller) {
        return start(login, caller, null);
    }

    /**
     * Starts a flow as above; with {@code logonSession} (the SHA-256 of a logon session's token, or
     * null) the flow is the one flow of that session, which ends with it.
     *
     * @throws org.springframework.web.ErrorResponseException 403 when the logon session already started a flow
     */
    @Transactional(noRollbackFor = {ErrorResponseException.class, DirectoryUnavailableException.class})
    public StartedFlow start(String login, Caller caller, String logonSession) {
        String typed = login == null ? "" : login.strip();
        ResetSource source = logonSession == null
                ? ResetSource.network(caller.ip())
                : logonSessions
                        .device(logonSession)
                        .map(device -> ResetSource.device(device.id()))
                        .orElseGet(() -> ResetSource.network(caller.ip()));
        throttling.checkStart(caller, source);
        throttling.checkNotBlocked(typed, source, caller);
        SsprPolicy policy = policies.current();
        Optional<DirectoryUser> user = directory.findUser(typed);
        // The same directory and database work for every login, so that timing does not tell them apart:
        // an unknown login is looked up as a placeholder that has no groups and no methods.
        DirectoryUser subject = user.orElseGet(() -> placeholder(typed));
        PolicyService.Eligibility eligibility = policies.eligibility(policy, subject);
        boolean inScope = eligibility.inScope();
        Requirements requirements = eligibility.requirements();
        List<VerificationMethod> usable = methods.usableMethods(subject, policy, requirements);
        String refusal = null;
        if (user.isEmpty()) {
            refusal = "User ID not found";
        } else if (!inScope) {
            refusal = "User is not enabled for self-service password reset";
        } else if (usable.size() < requirements.required()) {
            refusal = "User has not registered enough verification methods";
        }
        // A decoy asks what an ordinary user in scope must pass: never an admin's two methods.
        Requirements ordinary = policies.ordinaryRequirements(policy);
        int required = refusal == null ? requirements.required() : ordinary.required();
        List<FlowMethod> offered = new ArrayList<>();
        if (refusal == null) {
            String language = user.get()
                    .preferredLanguage()
                    .flatMap(Languages::preferred)
                    .map(Locale::toLanguageTag)
                    .orElse(null);
            usable.forEach(m -> offered.add(new FlowMethod(m.id(), m.type(), m.hint(), m.address(), language)));
        } else {
            // Keyed by the account's own login when there is one, so that its other logins (an AD
            // userPrincipalName and sAMAccountName) show the same decoy, as they show the same real methods.
            String key = user.map(DirectoryUser::login).orElse(typed);
            offered.addAll(decoys.methods(key, policy, ordinary, directory.baseDn()));
        }
        String flowId = Digests.newToken();
        Instant now = clock.instant();
        if (logonSession != null) {
            logonSessions.claim(logonSession, Digests.sha256(flowId), now.plus(Duration.ofMinutes(FLOW_MINUTES)));
        }
        ResetFlow flow = new ResetFlow(
                Digests.sha256(flowId),
                user.map(DirectoryUser::login).orElse(typed),
                refusal == null ? user.get().dn() : null,
                refusal != null,
                caller.clientType(),
                caller.ip(),
                required,
                offered,
                ResetFlow.Status.OPEN,
                0,
                0,
                now,
                now.plus(Duration.ofMinutes(FLOW_MINUTES)),
                refusal == null && eligibility.admin());
        flows.insert(flow);
        metrics.started(caller.clientType(), refusal == null);
        audit.record(AuditEvent.of(
                now, Activity.FLOW_PROGRESS, AuditResult.Success, caller, typed, "User submitted their user ID"));
        audit.record(AuditEvent.of(
                now,
                Activity.FLOW_PROGRESS,
                refusal == null ? AuditResult.Success : AuditResult.Failure,
                caller,
                typed,
                refusal == null ? "User was presented with verification options" : refusal));
        return new StartedFlow(flowId, flow.expiresAt(), flow.required(), offered);
    }

    /**
     * Opens a gate: sends an email or SMS code, or picks security questions, which it returns.
     * For a code the user types the full address or number ({@code contact}), as in Azure: a
     * mismatch gets the same answer, sends nothing and counts as a failed identity check.
     */
    @Transactional(noRollbackFor = RuntimeException.class)
    public List<Question> challenge(String flowId, String methodId, String contact, Locale locale, Caller caller) {
        ResetFlow flow = openFlow(flowId, caller);
        caller = caller.withClientType(flow.clientType());
        FlowMethod method = flow.method(methodId).orElseThrow(() -> FlowProblems.unknownMethod(methodId));
        if (!flows.countChallenge(flow.idHash(), MAX_CHALLENGES)) {
            audit.record(event(flow, caller, AuditResult.Blocked, "User asked for too many codes in one flow"));
            metrics.throttled(ResetMetrics.Throttled.FLOW_CHALLENGES);
            throw FlowProblems.tooManyAttempts();
        }
        String name = method.type().id();
        if (Gates.sendsCode(method.type()) && (contact == null || contact.isBlank())) {
            throw FlowProblems.contactRequired(method.type());
        }
        boolean contactMatches =
                !Gates.sendsCode(method.type()) || (method.address() != null && sameContact(method, contact));
        if (Gates.sendsCode(method.type())) {
            throttling.codeSent(flow.login(), source(flow), caller);
        }
        List<Question> asked = gates.open(flow, method, contactMatches, policies.current(), locale);
        if (!contactMatches) {
            audit.record(event(flow, caller, AuditResult.Failure, "User entered an " + name + " that does not match"));
            throttling.identityFailed(flow.login(), source(flow), caller);
            return asked;
        }
        audit.record(event(flow, caller, AuditResult.Success, "User started the " + name + " verification option"));
        return asked;
    }

    /** Checks a code or answers. Returns how many verifications remain before a new password may be chosen. */
    @Transactional(noRollbackFor = RuntimeException.class)
    public int verify(String flowId, String methodId, String code, Map<String, String> answers, Caller caller) {
        ResetFlow flow = openFlow(flowId, caller);
        caller = caller.withClientType(flow.clientType());
        FlowMethod method = flow.method(methodId).orElseThrow(() -> FlowProblems.unknownMethod(methodId));
        if (!flows.takeAttempt(flow.idHash(), MAX_FAILURES)) {
            // Every attempt was taken by guesses sent in parallel; the one that took the last locked the flow.
            throw FlowProblems.tooManyAttempts();
        }
        if (!gates.passes(flow, method, code, answers, caller)) {
            metrics.verification(method.type(), flow.clientType(), false);
            int failures = flows.failures(flow.idHash());
            audit.record(event(
                    flow,
                    caller,
                    AuditResult.Failure,
                    method.type() == MethodType.QUESTIONS
                            ? "User entered incorrect answers to security questions"
                            : "User entered an incorrect " + method.type().id() + " code"));
            throttling.verificationFailed(flow.login(), source(flow), method.type(), caller);
            if (failures >= MAX_FAILURES) {
                flows.close(flow.idHash(), ResetFlow.Status.LOCKED);
                metrics.failed(ResetMetrics.Failure.LOCKED, flow.clientType());
                logonSessions.flowEnded(flow.idHash());
                audit.record(event(
                        flow, caller, AuditResult.Blocked, "User failed verification too many times in one flow"));
                throw FlowProblems.tooManyAttempts();
            }
            throw method.type() == MethodType.QUESTIONS ? FlowProblems.answersInvalid() : FlowProblems.codeInvalid();
        }
        flows.giveBackAttempt(flow.idHash());
        metrics.verification(method.type(), flow.clientType(), true);
        flows.markVerified(flow.idHash(), methodId, clock.instant());
        audit.record(event(
                flow,
                caller.as(flow.login()),
                AuditResult.Success,
                "User completed the " + method.type().id() + " verification option"));
        return remaining(flow);
    }

    /**
     * Writes the new password to the directory, unlocks the account, and ends the flow. If the
     * directory cannot be reached or refuses the password, nothing changed and the flow stays
     * open for another try. Should the account not unlock after the password was written, the
     * reset still counts (the audit says so). The intent is committed before the directory write,
     * so a crash between the write and the record is settled by {@link InterruptedWrites}.
     */
    public void resetPassword(String flowId, String newPassword, Caller caller) {
        ResetFlow flow = committing(() -> verifiedFlow(flowId, caller));
        Caller user = caller.withClientType(flow.clientType()).as(flow.login());
        DirectoryUser target = reachableTarget(flow, user, Activity.RESET_PASSWORD);
        List<Violation> violations = passwordPolicy.check(newPassword, target, LocaleContextHolder.getLocale());
        if (!violations.isEmpty()) {
            metrics.failed(ResetMetrics.Failure.PASSWORD_REJECTED, flow.clientType());
            inTransaction(() -> audit.record(
                    event(flow, user, AuditResult.Failure, "User's new password did not meet the password policy")));
            throw FlowProblems.passwordRejected(violations);
        }
        beginWrite(flow, ResetFlow.PendingAction.PASSWORD);
        try {
            directory.resetPassword(target, newPassword);
        } catch (DirectoryWriteUnknownException e) {
            // The directory may have taken the password before its answer was lost: the flow stays
            // WRITING and InterruptedWrites records what the directory says, never "nothing was changed".
            throw e;
        } catch (DirectoryUnavailableException e) {
            metrics.failed(ResetMetrics.Failure.DIRECTORY_UNAVAILABLE, flow.clientType());
            writeFailed(flow, user, Activity.RESET_PASSWORD, "The directory could not be reached; nothing was changed");
            throw e;
        } catch (DirectoryRejectedPasswordException e) {
            metrics.failed(ResetMetrics.Failure.DIRECTORY_REFUSED, flow.clientType());
            writeFailed(
                    flow,
                    user,
                    Activity.RESET_PASSWORD,
                    "The directory refused the new password (" + e.reason() + "): " + e.getMessage());
            throw FlowProblems.passwordRejected(
                    List.of(DirectoryRefusals.violation(e, LocaleContextHolder.getLocale())));
        }
        String unlocked = "";
        try {
            directory.unlock(target);
        } catch (DirectoryUnavailableException e) {
            unlocked =
                    "The password was set, but the account could not be unlocked: the directory could not be reached";
        }
        String details = unlocked;
        inTransaction(() -> {
            if (flows.finishWrite(flow.idHash(), ResetFlow.Status.COMPLETED)) {
                passwordReset(flow, target, user, caller.withClientType(flow.clientType()), details);
                passwordPolicy.passwordSet(target, newPassword);
            }
        });
    }

    /**
     * What a finished reset records, in one transaction: the flow's end, the end of every portal
     * session the user had (one opened before the reset must sign in again), cleared counters, the
     * notices, the audit events.
     */
    void passwordReset(ResetFlow flow, DirectoryUser target, Caller user, Caller caller, String details) {
        ResetSource source = source(flow);
        logonSessions.flowEnded(flow.idHash());
        sessions.endSessions(flow.login());
        throttling.succeeded(flow.login(), source);
        notices.toUser(flow, target, Message.Kind.RESET_NOTICE);
        notices.toOtherAdmins(flow, target, caller);
        audit.record(event(flow, user, AuditResult.Success, "User successfully reset password"));
        metrics.completed(ResetFlow.PendingAction.PASSWORD, flow.clientType());
        audit.record(AuditEvent.of(
                clock.instant(), Activity.RESET_PASSWORD, AuditResult.Success, user, flow.login(), details));
    }

    /** Unlocks the account without changing its password, where the policy allows it. */
    public void unlock(String flowId, Caller caller) {
        if (!policies.current().allowUnlock()) {
            throw FlowProblems.unlockNotAllowed();
        }
        ResetFlow flow = committing(() -> verifiedFlow(flowId, caller));
        Caller user = caller.withClientType(flow.clientType()).as(flow.login());
        DirectoryUser target = reachableTarget(flow, user, Activity.UNLOCK);
        beginWrite(flow, ResetFlow.PendingAction.UNLOCK);
        try {
            directory.unlock(target);
        } catch (DirectoryUnavailableException e) {
            metrics.failed(ResetMetrics.Failure.DIRECTORY_UNAVAILABLE, flow.clientType());
            writeFailed(flow, user, Activity.UNLOCK, "The directory could not be reached; nothing was changed");
            throw e;
        }
        inTransaction(() -> {
            if (flows.finishWrite(flow.idHash(), ResetFlow.Status.COMPLETED)) {
                unlocked(flow, user);
            }
        });
    }

    /** What a finished unlock records. */
    void unlocked(ResetFlow flow, Caller user) {
        ResetSource source = source(flow);
        logonSessions.flowEnded(flow.idHash());
        throttling.succeeded(flow.login(), source);
        notices.toUser(flow, null, Message.Kind.UNLOCK_NOTICE);
        audit.record(AuditEvent.of(clock.instant(), Activity.UNLOCK, AuditResult.Success, user, flow.login(), ""));
        metrics.completed(ResetFlow.PendingAction.UNLOCK, flow.clientType());
    }

    /**
     * The flow {@code flowId} if it is at its password step now: open, unexpired, every gate passed
     * (so never a decoy), its login not blocked from its source. Read only: nothing is audited or
     * counted, so asking is no attempt at anything. Empty for anything else, which callers answer
     * exactly as an unknown or expired flow.
     */
    Optional<ResetFlow> atPasswordStep(String flowId) {
        if (flowId == null || flowId.length() > 100) {
            return Optional.empty();
        }
        return flows.find(Digests.sha256(flowId), clock.instant())
                .filter(flow -> flow.status() == ResetFlow.Status.OPEN && !flow.decoy())
                .filter(flow -> remaining(flow) == 0)
                .filter(flow -> !throttling.blocked(flow.login(), source(flow)));
    }

    /** The flow's user, looked up again (it must still be the same entry); a directory failure is audited. */
    private DirectoryUser reachableTarget(ResetFlow flow, Caller user, String activity) {
        try {
            return target(flow);
        } catch (DirectoryUnavailableException e) {
            metrics.failed(ResetMetrics.Failure.DIRECTORY_UNAVAILABLE, flow.clientType());
            inTransaction(() -> audit.record(AuditEvent.of(
                    clock.instant(),
                    activity,
                    AuditResult.Failure,
                    user,
                    flow.login(),
                    "The directory could not be reached; nothing was changed")));
            throw e;
        }
    }

    /** Commits the intent to write to the directory; a flow that is not OPEN any more is gone. */
    private void beginWrite(ResetFlow flow, ResetFlow.PendingAction action) {
        Boolean began = transaction.execute(status -> flows.beginWrite(flow.idHash(), action, clock.instant()));
        if (!Boolean.TRUE.equals(began)) {
            throw FlowProblems.flowNotFound();
        }
    }

    /** The directory changed nothing: the flow is open again and the failure is on record. */
    private void writeFailed(ResetFlow flow, Caller user, String activity, String details) {
        inTransaction(() -> {
            flows.finishWrite(flow.idHash(), ResetFlow.Status.OPEN);
            audit.record(AuditEvent.of(clock.instant(), activity, AuditResult.Failure, user, flow.login(), details));
        });
    }

    private void inTransaction(Runnable work) {
        transaction.executeWithoutResult(status -> work.run());
    }

    /**
     * Runs {@code step} in a transaction that commits even when the step refuses the request with a
     * problem answer (e.g. an attempt while blocked, which is on record), then rethrows the refusal.
     */
    private <T> T committing(java.util.function.Supplier<T> step) {
        ErrorResponseException[] refusal = {null};
        T result = transaction.execute(status -> {
            try {
                return step.get();
            } catch (ErrorResponseException e) {
                refusal[0] = e;
                return null;
            }
        });
        if (refusal[0] != null) {
            throw refusal[0];
        }
        return result;
    }

    private DirectoryUser placeholder(String login) {
        return new DirectoryUser(
                "uid=" + login.replaceAll("[^A-Za-z0-9._-]", "_") + ",ou=nobody," + directory.baseDn(),
                login,
                login,
                null,
                null,
                Optional.empty(),
                Optional.empty());
    }

    private ResetFlow verifiedFlow(String flowId, Caller caller) {
        ResetFlow flow = openFlow(flowId, caller);
        int remaining = remaining(flow);
        if (remaining > 0) {
            throw FlowProblems.notVerified(remaining);
        }
        return flow;
    }

    private int remaining(ResetFlow flow) {
        return flow.decoy() ? flow.required() : Math.max(0, flow.required() - flows.verifiedCount(flow.idHash()));
    }

    /**
     * The user of a flow, looked up again in the directory (it must still be the same entry), as the
     * password step and its check ({@link PasswordChecks}) do.
     *
     * @throws ErrorResponseException 404 flow-not-found when the entry is gone or is another one now
     */
    DirectoryUser target(ResetFlow flow) {
        return directory
                .findUser(flow.login())
                .filter(u -> u.dn().equals(flow.userDn()))
                .orElseThrow(FlowProblems::flowNotFound);
    }

    private ResetFlow openFlow(String flowId, Caller caller) {
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
        throttling.checkNotBlocked(flow.login(), source(flow), caller);
        return flow;
    }

    /**
     * Where the flow's throttling counts: the device of a sign-in-screen flow (its logon session
     * lives as long as the flow), else the network of the address that started it, whichever
     * address later steps come from.
     */
    private ResetSource source(ResetFlow flow) {
        if (flow.clientType() == ClientType.LogonScreen) {
            Optional<String> device = logonSessions.deviceOfFlow(flow.idHash());
            if (device.isPresent()) {
                return ResetSource.device(device.get());
            }
        }
        return ResetSource.network(flow.ip());
    }

    /** A typed number is compared in E.164, read with the default region as registration reads it. */
    private boolean sameContact(FlowMethod method, String contact) {
        if (method.type() == MethodType.SMS) {
            return methods.e164(contact).filter(method.address()::equals).isPresent();
        }
        return method.address().equalsIgnoreCase(contact.strip());
    }

    private AuditEvent event(ResetFlow flow, Caller caller, AuditResult result, String reason) {
        return AuditEvent.of(clock.instant(), Activity.FLOW_PROGRESS, result, caller, flow.login(), reason);
    }

    /** The answer to a started flow. {@code flowId} is shown once and stored only as a hash. */
    public record StartedFlow(String flowId, Instant expiresAt, int required, List<FlowMethod> methods) {}
}
