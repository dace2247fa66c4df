package org.opensspr.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs Flyway between two checks that a database holding nothing is never mistaken for this
 * installation's. The database gets an installation id on its first start (table
 * {@code installation}, one row) and the data dir records it ({@link InstallationRecord#DATABASE});
 * when the record has an id, a database without a schema (a lost H2 file, an emptied PostgreSQL)
 * is refused before Flyway creates one, and so is a database with another id or none (a swapped
 * database). Nodes that share a PostgreSQL database each record the same id. The refusal names the
 * database by its JDBC URL without parameters, so no password is printed.
 */
final class InstallationDatabase implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(InstallationDatabase.class);

    private final InstallationRecord record;
    private final Clock clock;

    InstallationDatabase(InstallationRecord record, Clock clock) {
        this.record = record;
        this.clock = clock;
    }

    @Override
    public void migrate(Flyway flyway) {
        DataSource dataSource = flyway.getConfiguration().getDataSource();
        Optional<String> expected = record.get(InstallationRecord.DATABASE);
        if (expected.isPresent() && flyway.info().applied().length == 0) {
            throw refusal(
                    "the database " + describe(dataSource) + " is empty (it has no schema), but this installation's"
                            + " database " + expected.get() + " was not");
        }
        flyway.migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Optional<String> actual = id(jdbc);
        if (expected.isPresent() && !expected.equals(actual)) {
            throw refusal("the database " + describe(dataSource) + " is "
                    + actual.map(id -> "installation " + id).orElse("no installation's")
                    + ", not this installation's database " + expected.get());
        }
        String id = actual.orElseGet(() -> create(jdbc));
        record.put(InstallationRecord.DATABASE, id);
    }

    private StartRefusedException refusal(String problem) {
        return new StartRefusedException(
                problem,
                "Restore the database from a backup, or set spring.datasource.url to this installation's database. "
                        + record.freshStart("the data dir then takes this database as its own"));
    }

    private static Optional<String> id(JdbcClient jdbc) {
        return jdbc.sql("SELECT id FROM installation WHERE singleton = 1")
                .query(String.class)
                .optional();
    }

    /** Gives a new database its id; when another node gave it one at the same moment, that one. */
    private String create(JdbcClient jdbc) {
        String id = UUID.randomUUID().toString();
        try {
            jdbc.sql("INSERT INTO installation (singleton, id, created_at) VALUES (1, :id, :at)")
                    .param("id", id)
                    .param("at", clock.millis())
                    .update();
            log.info("New database: installation id {}", id);
            return id;
        } catch (DuplicateKeyException anotherNode) {
            return id(jdbc).orElseThrow(() -> anotherNode);
        }
    }

    /** The JDBC URL up to its first parameter (which may carry a password), or the data source's type. */
    private static String describe(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String url = connection.getMetaData().getURL();
            int end = url.length();
            for (char separator : new char[] {';', '?'}) {
                int at = url.indexOf(separator);
                end = at >= 0 ? Math.min(end, at) : end;
            }
            return url.substring(0, end);
        } catch (SQLException | RuntimeException e) {
            return dataSource.getClass().getSimpleName();
        }
    }
}
