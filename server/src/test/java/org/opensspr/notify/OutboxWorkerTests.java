package org.opensspr.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensspr.MutableClock;
import org.opensspr.secrets.MasterKey;
import org.opensspr.secrets.SecretBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dispatcher's own thread: a message is delivered as soon as its transaction commits, although
 * the poll interval here is a minute; a transaction that rolls back wakes nothing and sends nothing.
 */
class OutboxWorkerTests {

    private static final long A_MINUTE = 60_000;
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final List<Message> delivered = new CopyOnWriteArrayList<>();
    private JdbcClient jdbc;
    private TransactionTemplate transaction;
    private NotificationOutbox outbox;
    private OutboxWorker worker;

    @BeforeEach
    void setUp() {
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource("jdbc:h2:mem:worker" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        jdbc = JdbcClient.create(dataSource);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        SecretBox box = new SecretBox(MasterKey.load(null, dir));
        JsonMapper json = JsonMapper.builder().build();
        MutableClock clock = new MutableClock();
        Delivery recording = new Delivery() {
            @Override
            public void deliver(long id, Message message) {
                delivered.add(message);
            }

            @Override
            public String describe() {
                return "a list";
            }
        };
        OutboxDispatcher dispatcher = new OutboxDispatcher(
                jdbc,
                box,
                json,
                clock,
                recording,
                recording,
                new OutboxMetrics(new SimpleMeterRegistry()),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        worker = new OutboxWorker(dispatcher, A_MINUTE);
        outbox = new NotificationOutbox(jdbc, box, json, clock, worker);
        worker.start();
        // The first pass runs at start; after it the worker waits a minute unless woken.
        await().atMost(DEADLINE).until(() -> worker.passes() >= 1);
    }

    @AfterEach
    void stop() {
        worker.stop();
    }

    @Test
    void aCommittedMessageIsDeliveredWithoutWaitingForThePoll() {
        transaction.executeWithoutResult(status ->
                outbox.enqueue(Message.email(Message.Kind.RESET_CODE, "alice@example.org", "Code", "code 1")));

        await().atMost(DEADLINE).until(() -> !delivered.isEmpty());
        assertThat(delivered).extracting(Message::body).containsExactly("code 1");
        assertThat(worker.wakeUps()).isEqualTo(1);
    }

    @Test
    void aMessageIsNotDeliveredBeforeItsTransactionCommits() {
        transaction.executeWithoutResult(status -> {
            outbox.enqueue(Message.sms(Message.Kind.RESET_CODE, "+31612345678", "code 2"));
            assertThat(worker.wakeUps()).as("woken only after the commit").isZero();
        });

        await().atMost(DEADLINE).until(() -> !delivered.isEmpty());
        assertThat(delivered).extracting(Message::body).containsExactly("code 2");
    }

    @Test
    void aRolledBackTransactionWakesNothingAndSendsNothing() {
        transaction.executeWithoutResult(status -> {
            outbox.enqueue(Message.email(Message.Kind.RESET_CODE, "bob@example.org", "Code", "never sent"));
            status.setRollbackOnly();
        });

        assertThat(worker.wakeUps()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_outbox")
                        .query(Integer.class)
                        .single())
                .as("nothing is left to send")
                .isZero();
        // The next committed message is delivered, alone.
        outbox.enqueue(Message.email(Message.Kind.RESET_NOTICE, "bob@example.org", "Notice", "sent"));
        await().atMost(DEADLINE).until(() -> !delivered.isEmpty());
        assertThat(delivered).extracting(Message::body).containsExactly("sent");
    }

    @Test
    void aStoppedWorkerCanStartAgain() {
        worker.stop();
        assertThat(worker.isRunning()).isFalse();

        worker.start();
        outbox.enqueue(Message.email(Message.Kind.RESET_NOTICE, "carol@example.org", "Notice", "after restart"));
        await().atMost(DEADLINE).until(() -> !delivered.isEmpty());
        assertThat(delivered).extracting(Message::body).containsExactly("after restart");
    }
}
