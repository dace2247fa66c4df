package org.opensspr;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A PostgreSQL database created for one test run and dropped after it, on the server this
 * machine runs ({@code SSPR_TEST_PG} = host:port, default 127.0.0.1:5432, trust auth as
 * {@code postgres}). A missing server fails the test: CI has one, and skipping would hide it.
 */
public final class ThrowawayPostgres implements AutoCloseable {

    private final String server;
    private final String name =
            "sspr_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

    public ThrowawayPostgres() {
        String env = System.getenv("SSPR_TEST_PG");
        this.server = env == null || env.isBlank() ? "127.0.0.1:5432" : env;
        execute("CREATE DATABASE " + name);
    }

    public String url() {
        return "jdbc:postgresql://" + server + "/" + name;
    }

    public String user() {
        return "postgres";
    }

    /** An outage as the server sees it: every connection to this database is dropped and new ones refused. */
    public void refuseConnections() {
        execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
        execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
    }

    /** Ends {@link #refuseConnections()}. */
    public void allowConnections() {
        execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
    }

    @Override
    public void close() {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void execute(String sql) {
        try (Connection connection =
                        DriverManager.getConnection("jdbc:postgresql://" + server + "/postgres", "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL at " + server + " is needed for this test: " + e.getMessage(), e);
        }
    }
}
