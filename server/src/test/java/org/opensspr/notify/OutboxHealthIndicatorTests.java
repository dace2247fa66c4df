package org.opensspr.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensspr.MutableClock;
import org.opensspr.secrets.MasterKey;
import org.opensspr.secrets.SecretBox;
import org.opensspr.system.CachedHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** {@code outbox} in the health endpoint: DEGRADED while delivery fails or lags, UP once drained. */
class OutboxHealthIndicatorTests {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private final AtomicLong nanos = new AtomicLong();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private boolean smtpDown;
    private NotificationOutbox outbox;
    private OutboxDispatcher dispatcher;
    private OutboxHealthIndicator health;

    @BeforeEach
    void setUp() {
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource("jdbc:h2:mem:health" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        SecretBox box = new SecretBox(MasterKey.load(null, dir));
        JsonMapper json = JsonMapper.builder().build();
        Delivery smtp = new Delivery() {
            @Override
            public void deliver(long id, Message message) {
                if (smtpDown) {
                    throw new IllegalStateException(
                            "Mail server connection failed for <" + message.recipient() + ">: " + message.body());
                }
            }

            @Override
            public String describe() {
                return "a switch";
            }
        };
        OutboxMetrics metrics = new OutboxMetrics(meters);
        dispatcher = new OutboxDispatcher(
                jdbc,
                box,
                json,
                clock,
                smtp,
                smtp,
                metrics,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        outbox = new NotificationOutbox(jdbc, box, json, clock, new OutboxWorker(dispatcher, 60_000));
        health = new OutboxHealthIndicator(jdbc, clock, Runnable::run, nanos::get);
        metrics.gauges(health::backlog);
    }

    /** The next request after a second counts the outbox again. */
    private Health afterASecond() {
        nanos.addAndGet(CachedHealthIndicator.TTL.toNanos());
        return health.health();
    }

    @Test
    void anEmptyOutboxIsUp() {
        Health answer = health.health();

        assertThat(answer.getStatus()).isEqualTo(Status.UP);
        assertThat(answer.getDetails()).containsEntry("queued", 0L).containsEntry("parked", 0L);
    }

    @Test
    void aFailingDeliveryIsDegradedWithoutSecretsThenUpOnceDrained() {
        smtpDown = true;
        outbox.enqueue(Message.email(
                Message.Kind.RESET_CODE, "alice@example.org", "Code", "Your verification code is 12345678."));
        dispatcher.dispatch();

        Health degraded = afterASecond();

        assertThat(degraded.getStatus()).isEqualTo(OutboxHealthIndicator.DEGRADED);
        assertThat(degraded.getDetails())
                .containsEntry("queued", 1L)
                .containsEntry("due", 0L)
                .containsEntry("retrying", 1L);
        assertThat((String) degraded.getDetails().get("lastError"))
                .startsWith("Mail server connection failed")
                .doesNotContain("alice@example.org")
                .doesNotContain("12345678");
        assertThat(meters.get("sspr.outbox.retrying").gauge().value()).isEqualTo(1.0);

        smtpDown = false;
        clock.advance(Duration.ofSeconds(1));
        dispatcher.dispatch();

        Health drained = afterASecond();
        assertThat(drained.getStatus()).isEqualTo(Status.UP);
        assertThat(drained.getDetails()).containsEntry("queued", 0L).doesNotContainKey("lastError");
        assertThat(meters.get("sspr.outbox.queued").gauge().value()).isZero();
    }

    @Test
    void aMessageThatWaitsLongerThanTheLagIsDegraded() {
        outbox.enqueue(Message.sms(Message.Kind.RESET_CODE, "+31612345678", "code 1"));
        assertThat(afterASecond().getStatus()).as("a message just queued").isEqualTo(Status.UP);

        clock.advance(OutboxHealthIndicator.LAG.plusSeconds(1));

        Health lagging = afterASecond();
        assertThat(lagging.getStatus()).isEqualTo(OutboxHealthIndicator.DEGRADED);
        assertThat(lagging.getDetails()).containsEntry("due", 1L).containsEntry("oldestSeconds", 61L);
        assertThat(meters.get("sspr.outbox.oldest.age").gauge().value()).isEqualTo(61.0);
    }

    @Test
    void anErrorIsShownWithoutAddressesOrCodes() {
        assertThat(OutboxBacklog.safe(
                        "550 5.1.1 <bob@example.org>: Recipient address rejected\n at +31612345678, code 87654321"))
                .isEqualTo("550 5.1.1 <[address]>: Recipient address rejected at +[redacted], code [redacted]");
    }
}
