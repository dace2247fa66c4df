package org.opensspr.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensspr.MutableClock;
import org.opensspr.secrets.MasterKey;
import org.opensspr.secrets.SecretBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The transactional outbox on the real migrations (H2): sealed at rest, delivered once, retried with backoff. */
class OutboxDispatcherTests {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private final List<Message> delivered = new ArrayList<>();
    private int failuresLeft;
    private JdbcClient jdbc;
    private TransactionOperations transactions;
    private SecretBox box;
    private NotificationOutbox outbox;
    private OutboxDispatcher dispatcher;

    @BeforeEach
    void setUp() {
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource("jdbc:h2:mem:outbox" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        box = new SecretBox(MasterKey.load(null, dir));
        JsonMapper json = JsonMapper.builder().build();
        Delivery recording = new Delivery() {
            @Override
            public void deliver(long id, Message message) {
                if (failuresLeft > 0) {
                    failuresLeft--;
                    throw new IllegalStateException("SMTP server said 421");
                }
                delivered.add(message);
            }

            @Override
            public String describe() {
                return "a list";
            }
        };
        dispatcher = new OutboxDispatcher(
                jdbc,
                box,
                json,
                clock,
                recording,
                recording,
                new OutboxMetrics(new SimpleMeterRegistry()),
                transactions);
        // Not started: these tests run the passes by hand.
        outbox = new NotificationOutbox(jdbc, box, json, clock, new OutboxWorker(dispatcher, 60_000));
    }

    @Test
    void aQueuedMessageIsSealedAtRestThenDeliveredOnceAndRemoved() {
        outbox.enqueue(Message.email(
                Message.Kind.RESET_CODE, "alice@example.org", "Code", "Your verification code is 12345678."));
        assertThat(jdbc.sql("SELECT payload FROM notification_outbox")
                        .query(String.class)
                        .single())
                .doesNotContain("12345678")
                .doesNotContain("alice@example.org");
        dispatcher.dispatch();
        dispatcher.dispatch();
        assertThat(delivered)
                .containsExactly(Message.email(
                        Message.Kind.RESET_CODE, "alice@example.org", "Code", "Your verification code is 12345678."));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_outbox")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aFailedDeliveryIsRetriedAfterABackoffAndNothingIsLost() {
        failuresLeft = 2;
        outbox.enqueue(Message.sms(Message.Kind.RESET_CODE, "+31612345678", "code 1"));
        dispatcher.dispatch();
        Map<String, Object> row = jdbc.sql("SELECT attempts, last_error FROM notification_outbox")
                .query()
                .singleRow();
        assertThat(row.get("ATTEMPTS")).isEqualTo(1);
        assertThat(row.get("LAST_ERROR")).isEqualTo("SMTP server said 421");
        dispatcher.dispatch();
        assertThat(delivered).as("not before its backoff (1 s)").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        dispatcher.dispatch();
        clock.advance(Duration.ofSeconds(1));
        dispatcher.dispatch();
        assertThat(delivered).as("the second retry waits 2 s").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        dispatcher.dispatch();
        assertThat(delivered).extracting(Message::body).containsExactly("code 1");
    }

    @Test
    void aMessageSealedUnderAnotherKeyIsParkedAtOnceNotRetried() {
        jdbc.sql("""
                INSERT INTO notification_outbox (channel, payload, created_at, attempts, next_attempt_at, claimed_until)
                VALUES ('EMAIL', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 0, 0, 0, 0)""").update();
        dispatcher.dispatch();
        Map<String, Object> row = jdbc.sql("SELECT attempts, next_attempt_at FROM notification_outbox")
                .query()
                .singleRow();
        assertThat(row.get("ATTEMPTS")).isEqualTo(1);
        assertThat(row.get("NEXT_ATTEMPT_AT")).isEqualTo(Long.MAX_VALUE);
        assertThat(delivered).isEmpty();
    }

    @Test
    void aMessageClaimedByAnotherNodeIsLeftAlone() {
        outbox.enqueue(Message.email(Message.Kind.RESET_NOTICE, "bob@example.org", "s", "b"));
        jdbc.sql("UPDATE notification_outbox SET claimed_until = :until")
                .param("until", clock.millis() + 60_000)
                .update();
        dispatcher.dispatch();
        assertThat(delivered).isEmpty();
        clock.advance(Duration.ofSeconds(61));
        dispatcher.dispatch();
        assertThat(delivered).hasSize(1);
    }

    @Test
    void theFolderDeliveryWritesAWholeEmlFile() throws Exception {
        FolderDelivery folder = new FolderDelivery(dir, "OpenSSPR <sspr@example.org>");
        folder.deliver(
                7,
                Message.email(
                        Message.Kind.RESET_CODE, "alice@example.org", "Ünïcode subject", "Body with code 12345678"));
        folder.deliver(8, Message.sms(Message.Kind.REGISTRATION_CODE, "+31612345678", "SMS code 87654321"));
        List<Path> files;
        try (var list = Files.list(dir)) {
            files = list.filter(f -> !f.getFileName().toString().endsWith(".key"))
                    .sorted()
                    .toList();
        }
        assertThat(files)
                .extracting(f -> f.getFileName().toString())
                .satisfiesExactly(
                        name -> assertThat(name).endsWith("-000007.eml"),
                        name -> assertThat(name).endsWith("-000008.sms.txt"));
        assertThat(Files.readString(files.get(0)))
                .contains("To: alice@example.org")
                .contains("From: OpenSSPR <sspr@example.org>")
                .contains("Subject: =?UTF-8?")
                .contains("Body with code 12345678")
                .contains("X-OpenSSPR-Message: reset-code")
                .contains("Auto-Submitted: auto-generated");
        assertThat(Files.readString(files.get(1)))
                .isEqualTo("To: +31612345678\nKind: registration-code\n\nSMS code 87654321\n");
    }

    @Test
    void aMessageQueuedBeforeKindsExistedIsStillDelivered() {
        String payload = box.seal(
                "{\"recipient\":\"carol@example.org\",\"subject\":\"s\",\"body\":\"old\"}", NotificationOutbox.PURPOSE);
        jdbc.sql("""
                INSERT INTO notification_outbox (channel, payload, created_at, attempts, next_attempt_at, claimed_until)
                VALUES ('EMAIL', :payload, 0, 0, 0, 0)""").param("payload", payload).update();
        dispatcher.dispatch();
        assertThat(delivered)
                .containsExactly(new Message(Message.Channel.EMAIL, null, "carol@example.org", "s", "old"));
    }

    @Test
    void aBatchOfMailIsHandedOverAtOnceAndOnlyTheMessageThatFailedIsRetried() {
        List<List<String>> handedOver = new ArrayList<>();
        Delivery batching = new Delivery() {
            @Override
            public void deliver(long id, Message message) {
                throw new AssertionError("mail goes in batches");
            }

            @Override
            public Map<Long, Exception> deliverAll(Map<Long, Message> messages) {
                handedOver.add(
                        messages.values().stream().map(Message::recipient).toList());
                Map<Long, Exception> failed = new java.util.LinkedHashMap<>();
                messages.forEach((id, message) -> {
                    if (message.recipient().startsWith("bounce")) {
                        failed.put(id, new IllegalStateException("550 mailbox unavailable"));
                    }
                });
                return failed;
            }

            @Override
            public String describe() {
                return "a batch";
            }
        };
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        OutboxDispatcher batches = new OutboxDispatcher(
                jdbc,
                box,
                JsonMapper.builder().build(),
                clock,
                batching,
                batching,
                new OutboxMetrics(meters),
                transactions);
        for (String to : List.of("alice@example.org", "bounce@example.org", "carol@example.org")) {
            outbox.enqueue(Message.email(Message.Kind.RESET_NOTICE, to, "s", "b"));
        }

        assertThat(batches.dispatch()).isEqualTo(3);

        assertThat(handedOver).containsExactly(List.of("alice@example.org", "bounce@example.org", "carol@example.org"));
        Map<String, Object> left = jdbc.sql("SELECT attempts, last_error, claimed_until FROM notification_outbox")
                .query()
                .singleRow();
        assertThat(left.get("ATTEMPTS")).isEqualTo(1);
        assertThat(left.get("LAST_ERROR")).isEqualTo("550 mailbox unavailable");
        assertThat(left.get("CLAIMED_UNTIL")).isEqualTo(0L);
        assertThat(meters.counter("sspr.outbox.delivered", "channel", "email").count())
                .isEqualTo(2);
        assertThat(meters.counter("sspr.outbox.failed", "channel", "email").count())
                .isEqualTo(1);
        assertThat(meters.timer("sspr.outbox.delivery", "channel", "email").count())
                .as("one hand-over for the batch")
                .isEqualTo(1);
    }
}
