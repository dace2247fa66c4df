package org.opensspr.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opensspr.ThrowawayPostgres;
import org.opensspr.audit.Activity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The insights aggregations on both state stores (H2 and PostgreSQL), with the real migrations. */
class JdbcInsightsRepositoryIntegrationTests {

    private static final Instant T = Instant.parse("2026-11-27T10:00:00Z");
    private static final Instant FROM = Instant.parse("2026-11-27T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-29T00:00:00Z");
    private static final long D = LocalDate.parse("2026-11-27").toEpochDay();
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
    void everyFigureIsOneGroupedQueryBoundedByTheRange(String store) {
        JdbcClient jdbc = JdbcClient.create(migrated(store));
        Duration day = Duration.ofDays(1);
        event(jdbc, T.minus(day), Activity.RESET_PASSWORD, "Success", "a", "Browser", "");
        event(jdbc, T, Activity.RESET_PASSWORD, "Success", "a", "Browser", "");
        event(jdbc, T.plusSeconds(1), Activity.RESET_PASSWORD, "Success", "b", "Browser", "");
        event(jdbc, T.plus(day), Activity.RESET_PASSWORD, "Success", "c", "Api", "");
        event(jdbc, TO, Activity.RESET_PASSWORD, "Success", "c", "Api", "");
        event(jdbc, T, Activity.RESET_PASSWORD, "Failure", "a", "Browser", "The directory could not be reached");
        event(jdbc, T, Activity.FLOW_PROGRESS, "Success", "a", "Browser", "User completed the sms verification option");
        event(
                jdbc,
                T,
                Activity.FLOW_PROGRESS,
                "Success",
                "a",
                "Browser",
                "User completed the email verification option");
        event(
                jdbc,
                T.plus(day),
                Activity.FLOW_PROGRESS,
                "Success",
                "c",
                "Api",
                "User completed the sms verification option");
        event(jdbc, T, Activity.FLOW_PROGRESS, "Success", "a", "Browser", "User submitted their user ID");
        for (int i = 0; i < 3; i++) {
            event(jdbc, T, Activity.FLOW_PROGRESS, "Failure", "x", "Browser", "User entered an incorrect email code");
        }
        event(jdbc, T, Activity.FLOW_PROGRESS, "Blocked", "x", "Browser", "Too many");
        event(jdbc, T, Activity.BLOCKED, "Blocked", "x", "Browser", "blocked");
        event(jdbc, T.plus(day), Activity.BLOCKED, "Blocked", "x", "Browser", "blocked");
        event(jdbc, T, Activity.BLOCKED, "Blocked", "y", "Browser", "blocked");
        for (int i = 0; i < 5; i++) {
            event(jdbc, T, Activity.SIGN_IN, "Blocked", "z", "Browser", "not a reset step");
        }
        method(jdbc, "a", "email");
        method(jdbc, "a", "totp");
        method(jdbc, "b", "questions");
        contact(jdbc, "a", "a@example.org", null);
        contact(jdbc, "c", null, "+31612345678");
        contact(jdbc, "d", null, null);
        JdbcInsightsRepository repository = new JdbcInsightsRepository(jdbc);

        assertThat(repository.successesByClientType(Activity.RESET_PASSWORD, FROM, TO))
                .containsExactlyInAnyOrder(new DailyCounts.Row(D, "Browser", 2), new DailyCounts.Row(D + 1, "Api", 1));
        assertThat(repository.successesByDetail(
                        Activity.FLOW_PROGRESS,
                        InsightsService.VERIFIED_PREFIX,
                        InsightsService.VERIFIED_SUFFIX,
                        FROM,
                        TO))
                .containsExactlyInAnyOrder(
                        new DailyCounts.Row(D, "sms", 1),
                        new DailyCounts.Row(D, "email", 1),
                        new DailyCounts.Row(D + 1, "sms", 1));
        assertThat(repository.failures(FROM, TO, 20))
                .containsExactly(
                        new Insights.FailureReason(
                                Activity.FLOW_PROGRESS, "Failure", "User entered an incorrect email code", 3),
                        new Insights.FailureReason(
                                Activity.RESET_PASSWORD, "Failure", "The directory could not be reached", 1),
                        new Insights.FailureReason(Activity.FLOW_PROGRESS, "Blocked", "Too many", 1));
        assertThat(repository.topBlocked(FROM, TO, 10))
                .containsExactly(new Insights.BlockedLogin("x", 3, T.plus(day)), new Insights.BlockedLogin("y", 1, T));
        assertThat(repository.topBlocked(FROM, TO, 1))
                .extracting(Insights.BlockedLogin::login)
                .containsExactly("x");

        assertThat(repository.usersByMethod()).isEqualTo(Map.of("email", 1L, "sms", 1L, "totp", 1L, "questions", 1L));
        assertThat(repository.usersByCountedMethods(List.of("email", "sms")))
                .as("a: email (totp not counted), b: none counted, c: sms; d has nothing on file")
                .isEqualTo(Map.of(1, 2L, 0, 1L));
    }

    private static DataSource migrated(String store) {
        DataSource dataSource = store.equals("h2")
                ? new DriverManagerDataSource(
                        "jdbc:h2:mem:insights" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "")
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

    private static void event(
            JdbcClient jdbc,
            Instant time,
            String activity,
            String result,
            String target,
            String clientType,
            String details) {
        jdbc.sql("""
                        INSERT INTO audit_record (time_at, activity, result, actor, target, ip, client_type, details, row_mac)
                        VALUES (:time, :activity, :result, :target, :target, '192.0.2.1', :clientType, :details, :mac)
                        """)
                .param("time", time.toEpochMilli())
                .param("activity", activity)
                .param("result", result)
                .param("target", target)
                .param("clientType", clientType)
                .param("details", details)
                .param("mac", "0".repeat(64))
                .update();
    }

    private static void method(JdbcClient jdbc, String login, String type) {
        jdbc.sql(
                        "INSERT INTO registered_method (login, type, method_value, last_step, registered_at) VALUES (:login, :type, 'v', 0, 0)")
                .param("login", login)
                .param("type", type)
                .update();
    }

    private static void contact(JdbcClient jdbc, String login, String email, String phone) {
        jdbc.sql("INSERT INTO contact_info (login, email, phone, updated_at) VALUES (:login, :email, :phone, 0)")
                .param("login", login)
                .param("email", email)
                .param("phone", phone)
                .update();
    }
}
