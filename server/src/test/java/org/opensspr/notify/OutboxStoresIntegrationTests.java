package org.opensspr.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensspr.MutableClock;
import org.opensspr.ThrowawayPostgres;
import org.opensspr.secrets.MasterKey;
import org.opensspr.secrets.SecretBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The outbox's SQL on both state stores: a batch delivered and deleted at once, the backlog counted. */
class OutboxStoresIntegrationTests {

    private static ThrowawayPostgres postgres;

    @TempDir
    Path dir;

    @BeforeAll
    static void createPostgres() {
        postgres = new ThrowawayPostgres();
    }

    @AfterAll
    static void dropPostgres() {
        postgres.close();
    }

    static List<String> stores() {
        return List.of("h2", "postgresql");
    }

    private static DataSource migrated(String store) {
        DriverManagerDataSource dataSource = store.equals("h2")
                ? new DriverManagerDataSource("jdbc:h2:mem:outbox" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "")
                : new DriverManagerDataSource(postgres.url(), postgres.user(), "");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        JdbcClient.create(dataSource).sql("DELETE FROM notification_outbox").update();
        return dataSource;
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aBatchIsDeliveredAndTheBacklogCounted(String store) {
        DataSource dataSource = migrated(store);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        MutableClock clock = new MutableClock();
        SecretBox box = new SecretBox(MasterKey.load(null, dir));
        JsonMapper json = JsonMapper.builder().build();
        Delivery refusesBob = new Delivery() {
            @Override
            public void deliver(long id, Message message) {
                if (message.recipient().startsWith("bob")) {
                    throw new IllegalStateException("550 <bob@example.org> unknown, code 12345678");
                }
            }

            @Override
            public String describe() {
                return "a test";
            }
        };
        OutboxDispatcher dispatcher = new OutboxDispatcher(
                jdbc,
                box,
                json,
                clock,
                refusesBob,
                refusesBob,
                new OutboxMetrics(new SimpleMeterRegistry()),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        NotificationOutbox outbox =
                new NotificationOutbox(jdbc, box, json, clock, new OutboxWorker(dispatcher, 60_000));
        for (String to : List.of("alice@example.org", "bob@example.org", "carol@example.org")) {
            outbox.enqueue(Message.email(Message.Kind.RESET_NOTICE, to, "s", "b"));
        }
        jdbc.sql("""
                INSERT INTO notification_outbox (channel, payload, created_at, attempts, next_attempt_at, claimed_until)
                VALUES ('SMS', 'x', 0, 12, :parked, 0)""").param("parked", OutboxDispatcher.PARKED).update();

        assertThat(dispatcher.dispatch()).isEqualTo(3);
        clock.advance(Duration.ofSeconds(90));

        OutboxBacklog backlog = OutboxBacklog.read(jdbc, clock.millis());
        assertThat(backlog)
                .isEqualTo(new OutboxBacklog(1, 1, 1, 1, 90_000, "550 <[address]> unknown, code [redacted]"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_outbox")
                        .query(Integer.class)
                        .single())
                .as("the two delivered messages were deleted")
                .isEqualTo(2);
    }
}
