package org.opensspr.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The whole-flow load driver: seeds an embedded directory with N users, starts the packaged
 * server as a separate process with an in-process SMTP sink, and measures, at each concurrency,
 * whole resets (API key and sign-in screen), device check-ins, raw password writes on the same
 * directory, a trivial endpoint, and a flood beyond capacity; then the server's memory and the
 * CPU both sides used, and (with {@code --compare-users}) the reset rate of a small directory.
 * docs/performance.md says how to run it and how to read what it prints.
 *
 * <pre>
 * ./mvnw -B -q package -DskipTests -pl server,bench -am
 * java -cp bench/target/sspr-bench.jar org.opensspr.bench.LoadDriver --users 2000 --concurrency 1,4,16 --duration 15
 * </pre>
 */
@Command(
        name = "LoadDriver",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Whole-flow load driver for the OpenSSPR server (docs/performance.md).")
public final class LoadDriver implements Callable<Integer> {

    static final List<String> ALL_PHASES =
            List.of("ceiling", "checkin", "reset-api", "reset-logon", "ldap-write", "flood");

    @Mixin
    ServerOptions server = new ServerOptions();

    @Option(names = "--users", description = "users to seed (default: ${DEFAULT-VALUE})")
    int users = 20_000;

    @Option(names = "--concurrency", split = ",", description = "concurrencies (default: ${DEFAULT-VALUE})")
    List<Integer> concurrency = List.of(1, 4, 16, 64);

    @Option(
            names = "--duration",
            description = "seconds measured per phase and concurrency (default: ${DEFAULT-VALUE})")
    int duration = 20;

    @Option(
            names = "--warm-up",
            description = "seconds of warm-up before each phase's first concurrency (default: ${DEFAULT-VALUE})")
    int warmUp = 5;

    @Option(names = "--phases", split = ",", description = "phases to run, in this order: ${DEFAULT-VALUE}")
    List<String> phases = ALL_PHASES;

    @Option(
            names = "--ceiling-concurrency",
            split = ",",
            description = "concurrencies of the ceiling phase (default: ${DEFAULT-VALUE})")
    List<Integer> ceilingConcurrency = List.of(16, 64);

    @Option(names = "--flood-concurrency", description = "virtual users of the flood (default: ${DEFAULT-VALUE})")
    int floodConcurrency = 256;

    @Option(names = "--flood-duration", description = "seconds of the flood (default: ${DEFAULT-VALUE})")
    int floodDuration = 5;

    @Option(
            names = "--compare-users",
            description =
                    "then run reset-api on a fresh server with this many users to compare rates; 0: no (default: ${DEFAULT-VALUE})")
    int compareUsers = 200;

    @Option(names = "--compare-concurrency", description = "concurrency of the comparison (default: ${DEFAULT-VALUE})")
    int compareConcurrency = 16;

    @Option(
            names = "--ldap-users",
            description = "users kept for ldap-write only (default: a tenth of --users, at most 2000)")
    Integer ldapUsers;

    @Option(names = "--out", description = "also write the report (Markdown) to this file")
    Path out;

    @Option(names = "--label", description = "a note for the report's header, e.g. the commit")
    String label;

    @Option(names = "--keep-data", description = "keep the servers' data dirs (the logs are always kept)")
    boolean keepData;

    private final Report report = new Report();

    public static void main(String[] args) {
        // GreenMail logs through SLF4J and the jar has no SLF4J provider: keep SLF4J's warning about that quiet
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        int code = new CommandLine(new LoadDriver()).execute(args);
        System.exit(code);
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(server.serverJar)) {
            System.err.println("No server jar at " + server.serverJar.toAbsolutePath()
                    + "; build it: ./mvnw -B -q package -DskipTests -pl server,bench -am");
            return 2;
        }
        for (String phase : phases) {
            if (!ALL_PHASES.contains(phase)) {
                System.err.println("Unknown phase " + phase + "; phases: " + String.join(",", ALL_PHASES));
                return 2;
            }
        }
        Path tmp = Files.createTempDirectory("sspr-load-");
        System.out.println("Working folder: " + tmp);
        report.header("Started " + Instant.now() + (label == null ? "" : "; " + label));
        report.header("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, load average at start "
                + loadAverage() + "; driver JVM " + System.getProperty("java.version"));
        report.header(String.format(
                Locale.ROOT,
                "Settings: %d users, concurrency %s, %d s per level (warm-up %d s), request timeout %d s, mail timeout %d s, server JVM options [%s]%s",
                users,
                concurrency,
                duration,
                warmUp,
                server.timeout,
                server.mailTimeout,
                server.jvmOptions,
                server.serverArgs.isEmpty() ? "" : ", server args " + server.serverArgs));
        try (MailSink sink = MailSink.start(ServerProcess.freePort())) {
            new ServerRun(this, report, sink).run(tmp.resolve("main"), users, phases, concurrency, "");
            if (compareUsers > 0 && phases.contains("reset-api")) {
                compare(tmp.resolve("compare"), sink);
            }
            report.note("Mail delivered to the sink, by kind: " + sink.delivered());
        }
        String markdown = report.markdown();
        System.out.println();
        System.out.println(markdown);
        if (out != null) {
            Files.writeString(out, markdown, StandardCharsets.UTF_8);
            System.out.println("Report written to " + out.toAbsolutePath());
        }
        return 0;
    }

    /**
     * The reset rate with a small directory, to compare with the main run's: reset-api on a fresh
     * server with {@code --compare-users}, at {@code --compare-concurrency}, or at the highest
     * concurrency below it where the main run completed resets without errors, if it completed
     * none there (today's server completes none at 16).
     */
    private void compare(Path dir, MailSink sink) throws IOException, InterruptedException, Failure {
        Optional<PhaseRunner.Result> main = report.result("reset-api", compareConcurrency);
        if (main.isEmpty() || main.get().stats().okInWindow() == 0) {
            main = report.results().stream()
                    .filter(r -> r.phase().equals("reset-api") && r.concurrency() <= compareConcurrency)
                    .filter(r -> r.stats().okInWindow() > 0 && r.stats().errorCount() == 0)
                    .max(Comparator.comparingInt(PhaseRunner.Result::concurrency));
        }
        if (main.isEmpty()) {
            report.target(
                    "rate with " + users + " users vs " + compareUsers + " users (reset-api)",
                    ">= 90% (at c=" + compareConcurrency + ")",
                    "no level of the main run completed resets without errors: nothing to compare",
                    null);
            return;
        }
        int c = main.get().concurrency();
        String suffix = " (" + compareUsers + " users)";
        new ServerRun(this, report, sink).run(dir, compareUsers, List.of("reset-api"), List.of(c), suffix);
        double mainRate = main.get().opsPerSecond();
        double smallRate = report.result("reset-api" + suffix, c)
                .map(PhaseRunner.Result::opsPerSecond)
                .orElse(0.0);
        report.target(
                "rate with " + users + " users vs " + compareUsers + " users (reset-api, c=" + c + ")",
                ">= 90% (at c=" + compareConcurrency + ")",
                String.format(
                        Locale.ROOT,
                        "%.1f/s vs %.1f/s = %.0f%%",
                        mainRate,
                        smallRate,
                        100 * ratio(mainRate, smallRate)),
                (smallRate > 0 && c == compareConcurrency) ? mainRate / smallRate >= 0.9 : null);
    }

    static double ratio(double a, double b) {
        return b == 0 ? 0 : a / b;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII)
                    .trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
