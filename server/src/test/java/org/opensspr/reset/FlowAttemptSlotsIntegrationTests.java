package org.opensspr.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opensspr.ThrowawayPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The per-flow attempt limit on both stores the server runs on: guesses that arrive together each
 * take an attempt slot in one conditional update, so one request wins each slot and no more than
 * the limit are ever checked, on H2 (the default) as on PostgreSQL (scale-out), whatever the
 * interleaving.
 */
class FlowAttemptSlotsIntegrationTests {

    private static final String FLOW = "f".repeat(64);
    private static final int LIMIT = 5;
    private static final int GUESSES = 24;
    private static ThrowawayPostgres postgres;

    @BeforeAll
    static void createPostgres() {
        postgres = new ThrowawayPostgres();
    }

    @AfterAll
    static void dropPostgres() {
        postgres.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void parallelGuessesOnOneFlowWinAtMostTheLimitOfAttemptSlots(String store) throws Exception {
        DataSource dataSource = migrated(store);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("""
                        INSERT INTO reset_flow (id_hash, login, decoy, client_type, ip, required, methods, status,
                            challenges_sent, failed_verifications, created_at, expires_at)
                        VALUES (:id, 'alice', FALSE, 'Browser', '127.0.0.1', 1, '[]', 'OPEN', 1, 0, 0, 1)""").param("id", FLOW).update();
        JdbcResetFlowRepository flows =
                new JdbcResetFlowRepository(jdbc, JsonMapper.builder().build());
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

        ExecutorService pool = Executors.newFixedThreadPool(GUESSES);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> guesses = new ArrayList<>();
        try {
            for (int i = 0; i < GUESSES; i++) {
                guesses.add(pool.submit(() -> {
                    start.await();
                    // The slot is held while the code is checked: the transaction ends after the check.
                    return transaction.execute(status -> flows.takeAttempt(FLOW, LIMIT));
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> guess : guesses) {
                won += guess.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(won).as("requests that won an attempt slot on " + store).isEqualTo(LIMIT);
            assertThat(flows.failures(FLOW)).isEqualTo(LIMIT);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A migrated, empty store (PostgreSQL is one database for the class: cleaned first). */
    private static DataSource migrated(String store) {
        DataSource dataSource = store.equals("h2")
                ? new DriverManagerDataSource("jdbc:h2:mem:slots" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "")
                : new DriverManagerDataSource(postgres.url(), postgres.user(), "");
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .cleanDisabled(false)
                .load();
        flyway.clean();
        flyway.migrate();
        return dataSource;
    }
}
