package org.opensspr.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * How the bench commands ({@link LoadDriver}, {@link ClusterLoad}) start the packaged server and
 * how long they wait for it: the same options, with the same names and defaults, in both.
 */
final class ServerOptions {

    @Option(names = "--server-jar", description = "the packaged server (default: ${DEFAULT-VALUE})")
    Path serverJar = Path.of("server/target/sspr-server.jar");

    @Option(names = "--java", description = "java binary for each server (default: the driver's, ${DEFAULT-VALUE})")
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");

    @Option(
            names = "--jvm-options",
            description = "JVM options for each server, space-separated, e.g. \"-Xmx256m\" (default: none)")
    String jvmOptions = "";

    @Option(
            names = "--server-arg",
            description = "an extra server property, e.g. --server-arg=--sspr.notify.poll-millis=50")
    List<String> serverArgs = new ArrayList<>();

    @Option(names = "--timeout", description = "seconds an HTTP request may take (default: ${DEFAULT-VALUE})")
    int timeout = 10;

    @Option(names = "--mail-timeout", description = "seconds to wait for a reset-code mail (default: ${DEFAULT-VALUE})")
    int mailTimeout = 10;

    @Option(
            names = "--start-timeout",
            description = "seconds a server may take to become healthy (default: ${DEFAULT-VALUE})")
    int startTimeout = 300;

    /** {@link #jvmOptions} split into arguments. */
    List<String> jvmOptionList() {
        return jvmOptions.isBlank() ? List.of() : List.of(jvmOptions.trim().split("\\s+"));
    }

    Duration requestTimeout() {
        return Duration.ofSeconds(timeout);
    }

    Duration mailWait() {
        return Duration.ofSeconds(mailTimeout);
    }

    Duration startWait() {
        return Duration.ofSeconds(startTimeout);
    }

    /** How long one whole reset flow may take before the driver counts it as lost: its requests and its mail. */
    Duration flowGrace() {
        return Duration.ofSeconds(6L * timeout + mailTimeout + 5L);
    }
}
