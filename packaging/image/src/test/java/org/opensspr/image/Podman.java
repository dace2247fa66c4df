package org.opensspr.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's podman, run as a command the way an operator would. Containers run with runc and
 * explicit ulimits: on the machines the tests run on crun fails to set up cgroups, and podman's
 * default ulimits are above what an unprivileged container may raise there.
 */
final class Podman {

    /** The options every {@code podman run} of the tests takes (see the class comment). */
    static final List<String> RUN_OPTIONS =
            List.of("--runtime", "runc", "--ulimit", "nofile=4096:4096", "--ulimit", "nproc=4096:4096");

    private static final Duration COMMAND_DEADLINE = Duration.ofMinutes(3);

    private Podman() {}

    /** Whether podman is on the PATH. */
    static boolean installed() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String folder : path.split(":", -1)) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, "podman"))) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code podman args...}; its standard output, stripped, or an exception with its error output. */
    static String run(String... args) throws IOException, InterruptedException {
        Result result = attempt(args);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("podman " + String.join(" ", args) + " exited " + result.exitCode() + ": "
                    + result.stderr().strip());
        }
        return result.stdout().strip();
    }

    /** Runs {@code podman args...} and returns what it did, whatever its exit code. */
    static Result attempt(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("podman");
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile("podman", ".out");
        Path stderr = Files.createTempFile("podman", ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectInput(
                            ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            if (!process.waitFor(COMMAND_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(
                        "podman " + String.join(" ", args) + " did not finish within " + COMMAND_DEADLINE);
            }
            return new Result(
                    process.exitValue(),
                    Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    /** What one podman command did. */
    record Result(int exitCode, String stdout, String stderr) {}
}
