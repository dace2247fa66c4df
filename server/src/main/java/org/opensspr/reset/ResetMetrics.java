package org.opensspr.reset;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.opensspr.audit.ClientType;
import org.opensspr.policy.MethodType;
import org.springframework.stereotype.Component;

/**
 * The reset flow's counters, for {@code /actuator/prometheus} (admins only). Each is counted once,
 * in {@link ResetFlowService} or {@link ResetThrottling} where the event happens, and tagged only
 * with small fixed sets ({@link ClientType}, {@link MethodType}, a reason or kind named here): never
 * a login, an address or an IP, so an admin's dashboard cannot become a list of users.
 *
 * <ul>
 *   <li>{@code sspr.reset.flows.started} ({@code client_type}, {@code eligible}: false for a decoy,
 *       which the caller cannot tell from a real flow)
 *   <li>{@code sspr.reset.verifications} ({@code method}, {@code client_type}, {@code result}:
 *       passed or failed)
 *   <li>{@code sspr.reset.flows.completed} ({@code action}: reset or unlock, {@code client_type})
 *   <li>{@code sspr.reset.flows.failed} ({@code reason}: locked, password_rejected,
 *       directory_refused, directory_unavailable; {@code client_type})
 *   <li>{@code sspr.throttle.hits} ({@code kind}: see {@link Throttled})
 * </ul>
 */
@Component
class ResetMetrics {

    /** What a throttle hit was; the lower-case name is the {@code kind} tag. */
    enum Throttled {
        /** A flow start refused: too many from one network (anonymous callers). */
        FLOW_STARTS_NETWORK,
        /** A flow start refused: too many from one device's sign-in screen. */
        FLOW_STARTS_DEVICE,
        /** A request for a login blocked from its source (or everywhere). */
        BLOCKED_ATTEMPT,
        /** A new 24 h block of a login at a source. */
        BLOCK,
        /** A login blocked everywhere after blocks from several sources. */
        BLOCK_EVERYWHERE,
        /** A flow asked for more codes than one flow may send. */
        FLOW_CHALLENGES
    }

    /** Why a flow failed; the lower-case name is the {@code reason} tag. */
    enum Failure {
        /** Too many failed verifications in one flow. */
        LOCKED,
        /** The new password did not meet the password policy. */
        PASSWORD_REJECTED,
        /** The directory refused the new password (its own policy). */
        DIRECTORY_REFUSED,
        /** The directory could not be reached for the write. */
        DIRECTORY_UNAVAILABLE
    }

    private final MeterRegistry registry;

    /**
     * Registers the started and completed counters at zero for every client type, so a dashboard
     * shows 0 rather than "no data" before the first flow; the others appear with their first event.
     */
    ResetMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (ClientType clientType : ClientType.values()) {
            startedCounter(clientType, true);
            startedCounter(clientType, false);
            for (ResetFlow.PendingAction action : ResetFlow.PendingAction.values()) {
                completedCounter(action, clientType);
            }
        }
    }

    void started(ClientType clientType, boolean eligible) {
        startedCounter(clientType, eligible).increment();
    }

    private Counter startedCounter(ClientType clientType, boolean eligible) {
        return Counter.builder("sspr.reset.flows.started")
                .description("Reset flows started; eligible=false for a decoy (unknown, out of scope, unregistered)")
                .tag("client_type", clientType.name())
                .tag("eligible", Boolean.toString(eligible))
                .register(registry);
    }

    void verification(MethodType method, ClientType clientType, boolean passed) {
        Counter.builder("sspr.reset.verifications")
                .description("Verification attempts in reset flows, by method and result")
                .tag("method", method.id())
                .tag("client_type", clientType.name())
                .tag("result", passed ? "passed" : "failed")
                .register(registry)
                .increment();
    }

    void completed(ResetFlow.PendingAction action, ClientType clientType) {
        completedCounter(action, clientType).increment();
    }

    private Counter completedCounter(ResetFlow.PendingAction action, ClientType clientType) {
        return Counter.builder("sspr.reset.flows.completed")
                .description("Reset flows that set a new password or unlocked the account")
                .tag("action", action == ResetFlow.PendingAction.PASSWORD ? "reset" : "unlock")
                .tag("client_type", clientType.name())
                .register(registry);
    }

    void failed(Failure reason, ClientType clientType) {
        Counter.builder("sspr.reset.flows.failed")
                .description("Reset flow steps that failed, by reason (a flow may fail and then succeed)")
                .tag("reason", reason.name().toLowerCase(Locale.ROOT))
                .tag("client_type", clientType.name())
                .register(registry)
                .increment();
    }

    void throttled(Throttled kind) {
        Counter.builder("sspr.throttle.hits")
                .description("Requests refused or logins blocked by throttling, by kind")
                .tag("kind", kind.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }
}
