package org.opensspr.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** A health check that costs a network round trip runs in the background, at most once per TTL. */
class CachedHealthIndicatorTests {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AtomicInteger checks = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(1);
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Test
    void theCheckRunsAtMostOncePerTtlWhateverTheRequestRate() {
        CachedHealthIndicator health = new CachedHealthIndicator(
                "test",
                () -> {
                    checks.incrementAndGet();
                    return Health.up().build();
                },
                Runnable::run,
                nanos::get);
        assertThat(checks).as("the first check runs when it is built").hasValue(1);

        for (int i = 0; i < 100; i++) {
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        }
        advance(CachedHealthIndicator.TTL.minusMillis(1));
        health.health();
        assertThat(checks).hasValue(1);

        advance(Duration.ofMillis(1));
        for (int i = 0; i < 100; i++) {
            health.health();
        }
        assertThat(checks).hasValue(2);
    }

    @Test
    void anExceptionInTheCheckIsDownWithTheExceptionsClassOnly() {
        CachedHealthIndicator health = new CachedHealthIndicator(
                "test",
                () -> {
                    throw new IllegalStateException("cannot reach ldap://admin:secret@directory");
                },
                Runnable::run,
                nanos::get);

        Health answer = health.health();

        assertThat(answer.getStatus()).isEqualTo(Status.DOWN);
        assertThat(answer.getDetails()).containsEntry("error", IllegalStateException.class.getName());
        assertThat(answer.toString()).doesNotContain("secret");
    }

    @Test
    void aRequestNeverWaitsForACheckAndAHungCheckIsDownAfterThePatience() {
        AtomicBoolean reachable = new AtomicBoolean(true);
        try (CachedHealthIndicator health = new CachedHealthIndicator(
                "test",
                () -> {
                    checks.incrementAndGet();
                    try {
                        gate.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return reachable.get() ? Health.up().build() : Health.down().build();
                },
                null,
                nanos::get)) {
            Health first = health.health();
            assertThat(first.getStatus()).isEqualTo(Status.DOWN);
            assertThat(first.getDetails()).containsEntry("reason", "not checked yet");

            gate.countDown();
            await().atMost(DEADLINE).until(() -> health.health().getStatus().equals(Status.UP));

            // The next check hangs: requests get the last answer at once, until the patience runs out.
            gate = new CountDownLatch(1);
            reachable.set(false);
            advance(CachedHealthIndicator.TTL);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            await().atMost(DEADLINE).until(() -> checks.get() == 2);
            advance(CachedHealthIndicator.PATIENCE.plusSeconds(1));
            Health hung = health.health();
            assertThat(hung.getStatus()).isEqualTo(Status.DOWN);
            assertThat(hung.getDetails()).containsEntry("reason", "no answer for 11 s");

            gate.countDown();
            await().atMost(DEADLINE).until(() -> health.health().getDetails().isEmpty());
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        }
    }
}
