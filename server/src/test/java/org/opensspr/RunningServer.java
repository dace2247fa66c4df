package org.opensspr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar in a process of its own, as a user runs it; stopped gracefully (SIGTERM) on
 * close, or killed without warning ({@link #kill()}, SIGKILL) to prove what survives a crash.
 */
public final class RunningServer implements AutoCloseable {

    static final String ADMIN_TOKEN = "jar-test-admin-token";
    private final Process process;
    private final Path log;

    private RunningServer(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the jar on {@code dataDir} and waits (at most 120 s) until it is healthy and ready (ready
     * comes after the start-up work, such as settling interrupted resets); {@code extra}: more arguments.
     */
    static RunningServer start(Path dataDir, int httpPort, int ldapPort, String... extra) throws Exception {
        return start(dataDir, httpPort, ldapPort, List.of(), extra);
    }

    /** As {@link #start(Path, int, int, String...)}, with options for the JVM ({@code -Xmx48m}). */
    static RunningServer start(Path dataDir, int httpPort, int ldapPort, List<String> jvmOptions, String... extra)
            throws Exception {
        long started = System.nanoTime();
        Path log = Files.createTempFile("sspr-server", ".log");
        Process process = new ProcessBuilder(command(dataDir, httpPort, ldapPort, jvmOptions, extra))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        RunningServer server = new RunningServer(process, log);
        Http http = new Http("http://127.0.0.1:" + httpPort);
        long deadline = started + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the server exited with " + process.exitValue() + ":\n" + server.log());
            }
            try {
                Http.Response health = http.get("/actuator/health");
                if (health.status() == 200
                        && health.body().contains("\"directory\":{\"status\":\"UP\"}")
                        && http.get("/actuator/health/readiness").status() == 200) {
                    System.out.printf(
                            "sspr-server.jar answered healthy %d ms after java -jar%n",
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                    return server;
                }
            } catch (IllegalStateException notYetListening) {
                // keep waiting
            }
            Thread.sleep(200);
        }
        server.close();
        throw new AssertionError("the server did not become healthy within 120 s:\n" + server.log());
    }

    /** How a start that was meant to be refused ended: the exit code and what the process printed. */
    record Refusal(int exitCode, String output) {}

    /**
     * Starts the jar as {@link #start} does, expecting it to refuse: waits (at most 120 s) for the
     * process to exit. Fails when it answers on its HTTP port instead, that is, when it started.
     */
    static Refusal refused(Path dataDir, int httpPort, int ldapPort, String... extra) throws Exception {
        Path log = Files.createTempFile("sspr-server", ".log");
        Process process = new ProcessBuilder(command(dataDir, httpPort, ldapPort, List.of(), extra))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try (RunningServer server = new RunningServer(process, log)) {
            Http http = new Http("http://127.0.0.1:" + httpPort);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline) {
                if (process.waitFor(200, TimeUnit.MILLISECONDS)) {
                    return new Refusal(process.exitValue(), server.log());
                }
                try {
                    http.get("/actuator/health");
                    throw new AssertionError("the server started instead of refusing:\n" + server.log());
                } catch (IllegalStateException notListening) {
                    // still starting, or refusing
                }
            }
            throw new AssertionError("the server neither started nor exited within 120 s:\n" + server.log());
        }
    }

    private static List<String> command(
            Path dataDir, int httpPort, int ldapPort, List<String> jvmOptions, String... extra) {
        String jar =
                Optional.ofNullable(System.getProperty("opensspr.server.jar")).orElse("target/sspr-server.jar");
        assertThat(new File(jar)).as("the packaged server jar").exists();
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-jar",
                jar,
                "--server.port=" + httpPort,
                "--sspr.data-dir=" + dataDir,
                "--sspr.directory.embedded.port=" + ldapPort,
                "--sspr.notify.poll-millis=100",
                "--sspr.bootstrap.admin-token=" + ADMIN_TOKEN));
        command.addAll(List.of(extra));
        return command;
    }

    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** Kills the process as a crash would (SIGKILL): no shutdown hook, nothing flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("killed").isTrue();
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
