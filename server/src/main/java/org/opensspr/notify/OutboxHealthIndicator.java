package org.opensspr.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import org.opensspr.system.CachedCheck;
import org.opensspr.system.CachedHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code outbox} in {@code /actuator/health}: the backlog of {@code notification_outbox}
 * ({@link OutboxBacklog}: {@code queued}, {@code due}, {@code retrying}, {@code parked},
 * {@code oldestSeconds}, {@code lastError}; details are shown to admins only), counted in the
 * background at most once a second, so a request never waits for the database.
 *
 * <p>{@link #DEGRADED} when delivery fails (a message waits for a retry, on any node) or lags (the
 * oldest message has waited longer than {@link #LAG}); UP otherwise; UNKNOWN while the outbox cannot
 * be read (the {@code db} component says why). DEGRADED answers 200 and ranks below UP
 * ({@code management.endpoint.health.status.*}): mail waits safely in the outbox, so an SMTP or SMS
 * outage never makes the node DOWN, and the outbox is not part of readiness. Parked messages are
 * counted but do not degrade: they stay until someone deletes them.
 */
final class OutboxHealthIndicator implements HealthIndicator, AutoCloseable {

    /** The status of an outbox whose delivery fails or lags. */
    static final Status DEGRADED = new Status("DEGRADED", "mail or SMS delivery fails or lags; messages wait");

    /** How long the oldest message may wait before delivery counts as lagging. */
    static final Duration LAG = Duration.ofMinutes(1);

    private final CachedCheck<OutboxBacklog> backlog;

    OutboxHealthIndicator(JdbcClient jdbc, Clock clock) {
        this(jdbc, clock, null, System::nanoTime);
    }

    /** For tests: counts run on {@code executor} (null: a thread of its own), elapsed time from {@code nanoTime}. */
    OutboxHealthIndicator(JdbcClient jdbc, Clock clock, Executor executor, LongSupplier nanoTime) {
        this.backlog = new CachedCheck<>(
                "outbox",
                CachedHealthIndicator.TTL,
                CachedHealthIndicator.PATIENCE,
                () -> OutboxBacklog.read(jdbc, clock.millis()),
                e -> null,
                running -> null,
                executor,
                nanoTime);
        backlog.refresh();
    }

    /** The backlog as last counted, starting the next count when it is due; null while unknown. */
    OutboxBacklog backlog() {
        return backlog.get();
    }

    @Override
    public Health health() {
        OutboxBacklog now = backlog();
        if (now == null) {
            return Health.unknown()
                    .withDetail("reason", "the outbox could not be read yet")
                    .build();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("queued", now.queued());
        details.put("due", now.due());
        details.put("retrying", now.retrying());
        details.put("parked", now.parked());
        details.put("oldestSeconds", now.oldestMillis() / 1000);
        if (now.lastError() != null) {
            details.put("lastError", now.lastError());
        }
        if (now.retrying() > 0) {
            details.put("reason", "delivery failed; " + now.retrying() + " message(s) wait for a retry");
            return Health.status(DEGRADED).withDetails(details).build();
        }
        if (now.oldestMillis() > LAG.toMillis()) {
            details.put("reason", "the oldest message has waited longer than " + LAG.toSeconds() + " s");
            return Health.status(DEGRADED).withDetails(details).build();
        }
        return Health.up().withDetails(details).build();
    }

    @Override
    public void close() {
        backlog.close();
    }
}
