package org.opensspr.agent.linux;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The host-level commands the Linux sign-in tests (text and graphical) run as root: a command with
 * its output and a deadline, the packaged agent, a free port, and stopping what they started.
 */
final class HostCommands {

    private HostCommands() {}

    /** A finished command: its exit code and its output (stdout and stderr together). */
    record Result(int exitCode, String output) {}

    /** Runs {@code command} with no input; fails the test when it takes more than 60 s. */
    static Result run(String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("TMUX");
        Process process = builder.start();
        process.getOutputStream().close();
        return finish(process, List.of(command));
    }

    /** Waits (60 s at most) for {@code process} and returns its exit code and output. */
    static Result finish(Process process, List<String> command) throws Exception {
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** The packaged agent ({@code jar}) run with this JVM's java. */
    static Result agent(String jar, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar));
        command.addAll(List.of(args));
        return run(command.toArray(String[]::new));
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Ends {@code process} (SIGTERM, then SIGKILL after 20 s) when it still runs. */
    static void stop(Process process) throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
