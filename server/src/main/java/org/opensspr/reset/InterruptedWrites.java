package org.opensspr.reset;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.opensspr.audit.Activity;
import org.opensspr.audit.AuditEvent;
import org.opensspr.audit.AuditLog;
import org.opensspr.audit.AuditResult;
import org.opensspr.audit.Caller;
import org.opensspr.directory.Directory;
import org.opensspr.directory.DirectoryUnavailableException;
import org.opensspr.directory.DirectoryUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settles resets and unlocks that a crash cut off between their committed intent (status WRITING)
 * and their recorded outcome, on any node, once they are older than
 * {@code sspr.reset.interrupted-after} (default 60 s, well past the directory's 10 s answer
 * timeout, so a write still in progress on another node is left alone). The directory says
 * whether the password changed since the intent ({@link Directory#passwordChangedAt}):
 *
 * <ul>
 *   <li>it did: the reset is recorded as it would have been (flow completed, counters cleared,
 *       notices, {@code Reset password (self-service)} Success, noting the interruption);
 *   <li>it did not, or it cannot say: the flow is closed as ABANDONED and a Failure is recorded
 *       that says which; the user starts again.
 * </ul>
 *
 * An interrupted unlock cannot be checked and is closed the same way. Either way the flow is
 * closed, so it never takes a second password, and the audit log has an event for the write. A
 * directory that cannot be reached leaves the flow for the next sweep.
 *
 * <p>A node settles once at start, before it reports ready ({@link ApplicationRunner}: readiness
 * follows the runners), then every {@code sspr.reset.sweep-millis}.
 */
@Component
class InterruptedWrites implements ApplicationRunner {

    /** Tolerance between our clock and the directory's, whose timestamps have whole seconds. */
    static final Duration SKEW = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(InterruptedWrites.class);

    private final JdbcResetFlowRepository flows;
    private final ResetFlowService resets;
    private final Directory directory;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration after;

    InterruptedWrites(
            JdbcResetFlowRepository flows,
            ResetFlowService resets,
            Directory directory,
            AuditLog audit,
            PlatformTransactionManager transactionManager,
            Clock clock,
            @Value("${sspr.reset.interrupted-after:60s}") Duration after) {
        if (after.isNegative()) {
            throw new IllegalArgumentException("sspr.reset.interrupted-after cannot be negative");
        }
        this.flows = flows;
        this.resets = resets;
        this.directory = directory;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.after = after;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            int settled = settle();
            if (settled > 0) {
                log.warn("Settled {} resets or unlocks that a crash had interrupted", settled);
            }
        } catch (RuntimeException e) {
            log.error("Could not settle interrupted resets at start; the next sweep tries again: {}", e.getMessage());
        }
    }

    /** Settles every interrupted write older than the threshold; returns how many it settled. */
    @Scheduled(fixedDelayString = "${sspr.reset.sweep-millis:60000}", initialDelay = 5_000)
    int settle() {
        int settled = 0;
        for (JdbcResetFlowRepository.PendingWrite write :
                flows.interruptedWrites(clock.instant().minus(after))) {
            try {
                if (settle(write)) {
                    settled++;
                }
            } catch (DirectoryUnavailableException e) {
                log.warn(
                        "Cannot settle the interrupted reset of {} yet: the directory cannot be reached",
                        write.flow().login());
                return settled;
            }
        }
        return settled;
    }

    private boolean settle(JdbcResetFlowRepository.PendingWrite write) {
        ResetFlow flow = write.flow();
        Caller user = new Caller(flow.login(), flow.ip(), flow.clientType());
        Optional<DirectoryUser> target = directory.findUser(flow.login()).filter(u -> u.dn().equals(flow.userDn()));
        if (write.action() == ResetFlow.PendingAction.UNLOCK) {
            return close(
                    flow,
                    user,
                    Activity.UNLOCK,
                    "The unlock was interrupted before it was recorded;"
                            + " whether the directory unlocked the account is unknown");
        }
        Optional<Instant> changed = target.flatMap(directory::passwordChangedAt);
        if (changed.isPresent() && !changed.get().isBefore(write.since().minus(SKEW))) {
            Boolean done = transaction.execute(status -> {
                if (!flows.finishWrite(flow.idHash(), ResetFlow.Status.COMPLETED)) {
                    return false;
                }
                resets.passwordReset(
                        flow,
                        target.get(),
                        user,
                        user,
                        "Recorded after an interruption: the directory" + " changed the password at " + changed.get());
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                log.warn(
                        "Recorded the reset of {} that was interrupted after the directory changed the password",
                        flow.login());
            }
            return Boolean.TRUE.equals(done);
        }
        return close(
                flow,
                user,
                Activity.RESET_PASSWORD,
                changed.isPresent()
                        ? "The reset was interrupted before the directory changed the password; nothing was changed"
                        : "The reset was interrupted; whether the directory changed the password is unknown");
    }

    private boolean close(ResetFlow flow, Caller user, String activity, String details) {
        Boolean closed = transaction.execute(status -> {
            if (!flows.finishWrite(flow.idHash(), ResetFlow.Status.ABANDONED)) {
                return false;
            }
            audit.record(AuditEvent.of(clock.instant(), activity, AuditResult.Failure, user, flow.login(), details));
            return true;
        });
        if (Boolean.TRUE.equals(closed)) {
            log.warn("Closed the interrupted {} of {}: {}", activity, flow.login(), details);
        }
        return Boolean.TRUE.equals(closed);
    }
}
