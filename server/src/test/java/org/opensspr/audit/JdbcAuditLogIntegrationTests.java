package org.opensspr.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensspr.ThrowawayPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The audit log on both state stores, with the real migrations: H2 (embedded default) and PostgreSQL (scale-out). */
class JdbcAuditLogIntegrationTests {

    private static ThrowawayPostgres postgres;

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
                ? new DriverManagerDataSource("jdbc:h2:mem:audit" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "")
                : new DriverManagerDataSource(postgres.url(), postgres.user(), "");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .cleanDisabled(false)
                .load()
                .migrate();
        JdbcClient.create(dataSource).sql("DELETE FROM audit_event").update();
        JdbcClient.create(dataSource)
                .sql("UPDATE audit_head SET seq = 0, hash = :zero WHERE id = 1")
                .param("zero", "0".repeat(64))
                .update();
        return dataSource;
    }

    @ParameterizedTest
    @MethodSource("stores")
    void recordedEventsComeBackNewestFirstAndFiltered(String store) {
        DataSource dataSource = migrated(store);
        AuditLog log = new JdbcAuditLog(JdbcClient.create(dataSource), new DataSourceTransactionManager(dataSource));
        Instant t = Instant.parse("2026-11-27T10:00:00Z");
        log.record(new AuditEvent(
                t,
                Activity.FLOW_PROGRESS,
                AuditResult.Success,
                "anonymous",
                "alice",
                "10.0.0.1",
                ClientType.Browser,
                "User submitted their user ID"));
        log.record(new AuditEvent(
                t.plusSeconds(1),
                Activity.RESET_PASSWORD,
                AuditResult.Success,
                "alice",
                "alice",
                "10.0.0.1",
                ClientType.LogonScreen,
                ""));
        log.record(new AuditEvent(
                t.plusSeconds(2),
                Activity.FLOW_PROGRESS,
                AuditResult.Failure,
                "anonymous",
                "bob",
                "10.0.0.2",
                ClientType.Api,
                "User ID not found"));

        assertThat(log.search(new AuditQuery(null, null, null, null, null)))
                .extracting(AuditEvent::target)
                .containsExactly("bob", "alice", "alice");
        assertThat(log.search(new AuditQuery("ALICE", Activity.RESET_PASSWORD, null, null, 10)))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.clientType()).isEqualTo(ClientType.LogonScreen);
                    assertThat(e.ip()).isEqualTo("10.0.0.1");
                });
        assertThat(log.search(new AuditQuery(null, null, t.plusSeconds(1), t.plusSeconds(2), 10)))
                .extracting(AuditEvent::activity)
                .containsExactly(Activity.RESET_PASSWORD);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void editingARecordedEventBreaksTheHashChainThere(String store) {
        DataSource dataSource = migrated(store);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        AuditLog log = new JdbcAuditLog(jdbc, new DataSourceTransactionManager(dataSource));
        for (int i = 0; i < 3; i++) {
            log.record(new AuditEvent(
                    Instant.now(),
                    Activity.RESET_PASSWORD,
                    AuditResult.Success,
                    "u" + i,
                    "u" + i,
                    "::1",
                    ClientType.Browser,
                    ""));
        }
        assertThat(log.verifyChain()).isEqualTo(-1);
        jdbc.sql("UPDATE audit_event SET result = 'Failure' WHERE seq = 2").update();
        assertThat(log.verifyChain()).isEqualTo(2);
    }
}
