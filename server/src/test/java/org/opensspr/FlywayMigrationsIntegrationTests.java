package org.opensspr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Every migration applies on both state stores, and a second run is a no-op. */
class FlywayMigrationsIntegrationTests {

    private static final List<String> TABLES = List.of(
            "settings",
            "installation",
            "contact_info",
            "reset_flow",
            "reset_challenge",
            "reset_verification",
            "notification_outbox",
            "audit_head",
            "audit_record",
            "registered_method",
            "registration_challenge",
            "throttle_event",
            "reset_block",
            "api_key",
            "captcha_used",
            "password_history",
            "join_token",
            "device",
            "device_group",
            "device_profile",
            "device_profile_group",
            "logon_session",
            "step_up_challenge",
            "step_up_grant",
            "session_epoch",
            "support_code",
            "registration_demand",
            "branding_logo");

    @Test
    void migrationsRunOnH2() {
        check(new DriverManagerDataSource(
                "jdbc:h2:mem:migrations" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", ""));
    }

    @Test
    void migrationsRunOnPostgresql() {
        try (ThrowawayPostgres postgres = new ThrowawayPostgres()) {
            check(new DriverManagerDataSource(postgres.url(), postgres.user(), ""));
        }
    }

    private static void check(DriverManagerDataSource dataSource) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
        assertThat(flyway.migrate().migrationsExecuted).isPositive();
        assertThat(flyway.info().all()).extracting(MigrationInfo::getState).containsOnly(MigrationState.SUCCESS);
        assertThat(flyway.migrate().migrationsExecuted).isZero();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        for (String table : TABLES) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table)
                            .query(Integer.class)
                            .single())
                    .as(table)
                    .isNotNegative();
        }
        assertThat(jdbc.sql("SELECT COUNT(schema_version) FROM settings")
                        .query(Integer.class)
                        .single())
                .as("settings.schema_version (V11)")
                .isZero();
    }
}
