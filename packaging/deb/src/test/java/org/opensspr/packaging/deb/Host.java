package org.opensspr.packaging.deb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Commands on this machine as the packages' tests need them: dpkg, getent, systemd-analyze. The
 * tests install real packages on the real root, so every one of them starts from and returns to a
 * host without them ({@link #purgePackages()}).
 */
final class Host {

    static final List<String> PACKAGES = List.of("sspr-agent", "sspr-server");

    /** Where the tests look for leftovers: every path under these whose name mentions the packages. */
    private static final List<String> LEFTOVER_ROOTS =
            List.of("/etc", "/usr", "/lib", "/var/lib", "/var/cache", "/var/log", "/run");

    private Host() {}

    record Result(int exitCode, String output) {
        Result succeeded(String what) {
            assertThat(exitCode).as(what + " failed:\n" + output).isZero();
            return this;
        }
    }

    static Result run(String... command) {
        return run(List.of(command));
    }

    static Result run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not end within 5 minutes");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static boolean isRootOnLinux() {
        return "Linux".equals(System.getProperty("os.name"))
                && Files.isExecutable(Path.of("/usr/bin/dpkg"))
                && run("id", "-u").output().strip().equals("0");
    }

    /** dpkg's status of a package: "installed", "config-files", ..., or "" when it is not on the host at all. */
    static String status(String pkg) {
        Result result = run("dpkg-query", "-W", "-f=${db:Status-Status}", pkg);
        String status = result.exitCode() == 0 ? result.output().strip() : "";
        return status.equals("not-installed") ? "" : status;
    }

    static boolean accountExists(String name) {
        return run("getent", "passwd", name).exitCode() == 0;
    }

    static boolean groupExists(String name) {
        return run("getent", "group", name).exitCode() == 0;
    }

    /** Purges both packages where dpkg knows them; what a failed test installed goes too. */
    static void purgePackages() {
        for (String pkg : PACKAGES) {
            if (!status(pkg).isEmpty()) {
                run("dpkg", "--purge", pkg).succeeded("dpkg --purge " + pkg);
            }
        }
    }

    /** Every path under the usual roots whose name holds "sspr" or "opensspr", sorted (container storage aside). */
    static List<String> pathsNamingThePackages() {
        List<String> found = new ArrayList<>();
        for (String root : LEFTOVER_ROOTS) {
            Path dir = Path.of(root);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            // Container storage holds images' files (the Jib image's tests'), not this host's.
            List<String> command = new ArrayList<>(List.of(
                    "find",
                    root,
                    "-xdev",
                    "-path",
                    "/var/lib/containers",
                    "-prune",
                    "-o",
                    "-name",
                    "*sspr*",
                    "-print"));
            for (String line : run(command).output().split("\n")) {
                if (!line.isBlank() && !line.startsWith("find:")) {
                    found.add(line.strip());
                }
            }
        }
        try (Stream<String> sorted = found.stream().sorted()) {
            return sorted.toList();
        }
    }

    static String read(String path) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
