package org.opensspr.system;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * A health component that answers from the last result of a slow check ({@link CachedCheck}): the
 * wrapped indicator, a network round trip, runs in the background at most once per {@link #TTL}, and a
 * request to {@code /actuator/health} never waits for it. The first check starts when this is built.
 *
 * <p>DOWN, instead of an error answer, when the wrapped indicator throws (detail {@code error}: the
 * exception's class only, as a message may name a server or a URL; the exception is logged at DEBUG),
 * when it has not answered for {@link #PATIENCE} (detail {@code reason}), and until its first answer.
 */
public final class CachedHealthIndicator implements HealthIndicator, AutoCloseable {

    /** How old a result may get before a request starts the next check. */
    public static final Duration TTL = Duration.ofSeconds(1);

    /** How long a check may take before it is reported DOWN; the directory's answer timeout is 10 s. */
    public static final Duration PATIENCE = Duration.ofSeconds(10);

    private final CachedCheck<Health> cached;

    /** {@code name} names the background thread and the log lines. */
    public CachedHealthIndicator(String name, HealthIndicator check) {
        this(name, check, null, System::nanoTime);
    }

    /** For tests: checks run on {@code executor} (null: a thread of its own) and time comes from {@code nanoTime}. */
    public CachedHealthIndicator(String name, HealthIndicator check, Executor executor, LongSupplier nanoTime) {
        this.cached = new CachedCheck<>(
                name,
                TTL,
                PATIENCE,
                check::health,
                e -> Health.down().withDetail("error", e.getClass().getName()).build(),
                CachedHealthIndicator::unanswered,
                executor,
                nanoTime);
        cached.refresh();
    }

    @Override
    public Health health() {
        return cached.get();
    }

    private static Health unanswered(Duration runningFor) {
        return Health.down()
                .withDetail(
                        "reason",
                        runningFor.compareTo(PATIENCE) > 0
                                ? "no answer for " + runningFor.toSeconds() + " s"
                                : "not checked yet")
                .build();
    }

    @Override
    public void close() {
        cached.close();
    }
}
