package org.opensspr.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The bench's child processes: one way to run a tool and read what it printed (PostgreSQL's and
 * OpenLDAP's), one way to stop a server it started (the SSPR nodes, {@code slapd}, HAProxy), and
 * one way to take back a shutdown hook that would have killed it.
 */
final class Processes {

    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(120);

    private Processes() {}

    /**
     * Runs {@code command} in {@code dir} (null: the current folder) for at most 120 s and returns
     * what it printed (stdout and stderr); when it fails, an {@link IOException} with that output,
     * or null if {@code failIsError} is false.
     */
    static String run(Path dir, List<String> command, boolean failIsError) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (dir != null) {
            builder.directory(dir.toFile());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(TOOL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not end within " + TOOL_TIMEOUT.toSeconds() + " s");
        }
        if (process.exitValue() != 0) {
            if (failIsError) {
                throw new IOException(String.join(" ", command) + " failed (" + process.exitValue() + "): " + output);
            }
            return null;
        }
        return output;
    }

    /**
     * Stops a server: SIGTERM, then SIGKILL when it has not exited after {@code grace}, and waits
     * (10 s more at most) until it is gone. Interrupted, it kills at once and keeps the interrupt.
     */
    static void stop(Process process, Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Takes back {@code hook}; when the JVM is already shutting down the hook runs anyway. */
    static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down
        }
    }
}
