package org.opensspr.reset;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.opensspr.audit.Activity;
import org.opensspr.audit.AuditEvent;
import org.opensspr.audit.AuditLog;
import org.opensspr.audit.AuditResult;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Flows nobody finishes: each is recorded as {@code Abandoned} with how far it got, once, by
 * whichever node closes it first; a day after expiry its rows are deleted.
 */
@Component
public class AbandonedFlows {

    private final JdbcResetFlowRepository flows;
    private final AuditLog audit;
    private final Clock clock;

    AbandonedFlows(JdbcResetFlowRepository flows, AuditLog audit, Clock clock) {
        this.flows = flows;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records flows that expired unfinished, then removes flows a day after they expired. */
    @Scheduled(fixedDelayString = "${sspr.reset.sweep-millis:60000}", initialDelay = 30_000)
    @Transactional
    public void sweepExpired() {
        Instant now = clock.instant();
        for (ResetFlow flow : flows.expiredOpen(now)) {
            if (flows.close(flow.idHash(), ResetFlow.Status.ABANDONED)) {
                audit.record(new AuditEvent(
                        now,
                        Activity.FLOW_PROGRESS,
                        AuditResult.Abandoned,
                        flow.login(),
                        flow.login(),
                        flow.ip(),
                        flow.clientType(),
                        "User abandoned after " + flows.progress(flow)));
            }
        }
        flows.deleteExpired(now.minus(Duration.ofDays(1)));
    }
}
