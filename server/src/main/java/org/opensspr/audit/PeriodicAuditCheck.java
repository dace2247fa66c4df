package org.opensspr.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Verifies the whole audit log ({@link AuditLog#verify()}, anchors included) in the background,
 * every {@code sspr.audit.verify-interval}, the first time {@link #FIRST_CHECK_AFTER} after start
 * (by then this node has anchored the chain). A broken log is logged at ERROR by the verifier, an
 * intact one as an INFO summary (WARN when it carries a warning), a log that cannot be read at
 * WARN. The last result and when it was found are kept for {@link AuditHealthIndicator}. Checks
 * run one at a time.
 */
@Component
class PeriodicAuditCheck implements SchedulingConfigurer {

    static final Duration FIRST_CHECK_AFTER = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(PeriodicAuditCheck.class);

    private final AuditLog audit;
    private final AuditProperties properties;
    private final Clock clock;
    private volatile Result last;

    PeriodicAuditCheck(AuditLog audit, AuditProperties properties, Clock clock) {
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * One check's outcome: when it ran, and what {@code verify} found or, when the log could not be
     * read, the exception's class ({@code error}, a message may name a server).
     */
    record Result(Instant at, ChainVerification verification, String error) {}

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::check, properties.verifyInterval(), FIRST_CHECK_AFTER));
    }

    /** Runs one check now and keeps its result. */
    synchronized Result check() {
        Instant at = clock.instant();
        Result result;
        try {
            ChainVerification v = audit.verify();
            result = new Result(at, v, null);
            if (v.intact() && v.warning() != null) {
                log.warn(
                        "The audit log verifies ({} events, {} sealed, {} anchors), but {}",
                        v.checked(),
                        v.sealed(),
                        v.anchors(),
                        v.warning());
            } else if (v.intact()) {
                log.info(
                        "The audit log verifies: {} events, {} sealed, {} anchors checked",
                        v.checked(),
                        v.sealed(),
                        v.anchors());
            }
        } catch (RuntimeException e) {
            log.warn("The periodic audit check could not read the log: {}", e.toString());
            result = new Result(at, null, e.getClass().getName());
        }
        last = result;
        return result;
    }

    /** The last check's result; null before the first. */
    Result last() {
        return last;
    }
}
