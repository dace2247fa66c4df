package org.opensspr.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster of its own, made with Debian's {@code postgresql-common} tools
 * ({@code pg_createcluster}, {@code pg_ctlcluster}, {@code pg_dropcluster}; run as root): trust
 * authentication on loopback, a free port, one database {@code sspr}. Being its own, it can be
 * stopped and started under load without touching the machine's main cluster or anyone else's
 * databases. {@link #close} drops it, and a shutdown hook does if the JVM ends first.
 */
final class Postgres implements AutoCloseable {

    static final String DATABASE = "sspr";
    static final String USER = "postgres";

    private final String version;
    private final String name;
    private final int port;
    private final Thread dropper;

    private Postgres(String version, String name, int port) {
        this.version = version;
        this.name = name;
        this.port = port;
        this.dropper = new Thread(this::drop, "drop-postgres-cluster");
        Runtime.getRuntime().addShutdownHook(dropper);
    }

    /** True when Debian's tools and a PostgreSQL version are installed. */
    static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/pg_createcluster")) && newestVersion() != null;
    }

    /** Creates, starts and fills in a cluster named {@code sspr-cluster-<random>} with database {@link #DATABASE}. */
    static Postgres create() throws IOException, InterruptedException {
        String version = newestVersion();
        if (version == null || !installed()) {
            throw new IOException(
                    "PostgreSQL with Debian's postgresql-common is needed: apt-get install -y postgresql");
        }
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        String name = "sspr-cluster-" + HexFormat.of().formatHex(random);
        int port = ServerProcess.freePort();
        run(
                "pg_createcluster",
                "--start-conf=manual",
                "-p",
                Integer.toString(port),
                // the default max_connections (100) covers three nodes' pools (30); keep the WAL small
                "-o",
                "max_wal_size=256MB",
                version,
                name,
                "--",
                "--auth=trust");
        Postgres pg = new Postgres(version, name, port);
        try {
            pg.start();
            pg.psql("CREATE DATABASE " + DATABASE);
        } catch (IOException | RuntimeException e) {
            pg.close();
            throw e;
        }
        return pg;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    String name() {
        return version + "/" + name;
    }

    /** Starts the cluster (again) and waits until it accepts connections. */
    void start() throws IOException, InterruptedException {
        run("pg_ctlcluster", "--skip-systemctl-redirect", version, name, "start");
        for (int i = 0; i < 300; i++) {
            if (ready()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IOException("PostgreSQL " + name() + " did not accept connections on port " + port);
    }

    /** Stops the cluster ({@code -m fast}: open sessions are ended), as an outage of the database. */
    void stop() throws IOException, InterruptedException {
        run("pg_ctlcluster", "--skip-systemctl-redirect", version, name, "stop", "-m", "fast");
    }

    boolean ready() throws InterruptedException {
        try {
            return Processes.run(
                            null, List.of("pg_isready", "-q", "-h", "127.0.0.1", "-p", Integer.toString(port)), false)
                    != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs one SQL statement {@code sql} with the psql client on {@link #DATABASE} (or postgres for CREATE DATABASE) and returns its unaligned output. */
    String psql(String sql) throws IOException, InterruptedException {
        String db = sql.startsWith("CREATE DATABASE") ? "postgres" : DATABASE;
        return Processes.run(
                null,
                List.of(
                        "psql",
                        "-X",
                        "-q",
                        "-At",
                        "-v",
                        "ON_ERROR_STOP=1",
                        "-h",
                        "127.0.0.1",
                        "-p",
                        Integer.toString(port),
                        "-U",
                        USER,
                        "-d",
                        db,
                        "-c",
                        sql),
                true);
    }

    /** The postmaster's process id (from {@code postmaster.pid}), or -1 while stopped. */
    long pid() {
        Path file = Path.of("/var/lib/postgresql", version, name, "postmaster.pid");
        try {
            return Long.parseLong(
                    Files.readAllLines(file, StandardCharsets.US_ASCII).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Drops the cluster with its data. */
    @Override
    public void close() {
        drop();
        Processes.removeShutdownHook(dropper);
    }

    private void drop() {
        try {
            run("pg_dropcluster", "--stop", version, name);
        } catch (IOException e) {
            System.err.println("Could not drop PostgreSQL cluster " + name() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String newestVersion() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(p -> p.getFileName().toString())
                    .filter(v -> v.matches("[0-9.]+"))
                    .filter(v -> Files.isExecutable(Path.of("/usr/lib/postgresql", v, "bin", "initdb")))
                    .max(Comparator.comparingDouble(Double::parseDouble))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Processes.run(null, List.of(command), true);
    }
}
