package org.opensspr.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Scaling figures: whole API resets ({@link ResetFlows}, as {@link LoadDriver}'s reset-api phase)
 * through HAProxy with 1, then 2, then 3 nodes on one PostgreSQL and one slapd ({@link Cluster}),
 * at one concurrency for a set time each. For each size it prints resets a second, whole-flow
 * p50 and p99, errors, and the CPU each party used (the nodes, PostgreSQL, slapd, HAProxy, the
 * driver itself with the SMTP sink, and the rest of the machine), so one can say where the
 * ceiling is. docs/performance.md has a run and its reading.
 *
 * <pre>
 * ./mvnw -B -q package -DskipTests -pl server,bench -am
 * java -cp bench/target/sspr-bench.jar org.opensspr.bench.ClusterLoad --nodes 3 --concurrency 16 --duration 20
 * </pre>
 */
@Command(
        name = "ClusterLoad",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Resets/s through HAProxy with 1..N nodes on PostgreSQL and slapd (docs/performance.md).")
public final class ClusterLoad implements Callable<Integer> {

    @Mixin
    ServerOptions server = new ServerOptions();

    @Option(names = "--nodes", description = "measure with 1 up to this many nodes (default: ${DEFAULT-VALUE})")
    int nodes = 3;

    @Option(names = "--users", description = "users seeded in slapd (default: ${DEFAULT-VALUE})")
    int users = 4000;

    @Option(names = "--concurrency", description = "virtual users (default: ${DEFAULT-VALUE})")
    int concurrency = 16;

    @Option(names = "--duration", description = "seconds measured per cluster size (default: ${DEFAULT-VALUE})")
    int duration = 20;

    @Option(names = "--warm-up", description = "seconds of warm-up before each measurement (default: ${DEFAULT-VALUE})")
    int warmUp = 5;

    /** One cluster size's figures: average cores each party used during the measurement. */
    record Row(
            int nodes,
            PhaseRunner.Result result,
            double nodesCores,
            double postgresCores,
            double slapdCores,
            double haproxyCores,
            double driverCores,
            double otherCores,
            String loadAverage) {}

    public static void main(String[] args) {
        // GreenMail logs through SLF4J and the jar has no SLF4J provider: keep SLF4J's warning about that quiet
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        System.exit(new CommandLine(new ClusterLoad()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (nodes < 1 || concurrency < 1 || duration < 1) {
            System.err.println("--nodes, --concurrency and --duration must be at least 1");
            return 2;
        }
        Path tmp = Files.createTempDirectory("sspr-cluster-load-");
        System.out.println("Working folder: " + tmp);
        String started = Instant.now() + ", load average at start " + ProcStat.loadAverage() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores";
        Cluster.Settings settings = new Cluster.Settings(
                server.serverJar,
                server.java,
                server.jvmOptionList(),
                server.serverArgs,
                users,
                false,
                server.requestTimeout(),
                server.startWait());
        List<Row> rows = new ArrayList<>();
        try (Cluster cluster = Cluster.start(tmp, settings, 1)) {
            ResetFlows flows =
                    new ResetFlows(cluster.api(), cluster.mail(), 0, users, server.mailWait(), outcome -> {});
            for (int n = 1; n <= nodes; n++) {
                if (n > 1) {
                    cluster.addNode();
                }
                Row row = measure(cluster, n, flows);
                rows.add(row);
                System.out.println(Report.progress(row.result()));
                System.out.println("  " + steps(row.result().stats()));
            }
        }
        System.out.println();
        System.out.println(table(started, rows));
        return 0;
    }

    private Row measure(Cluster cluster, int n, ResetFlows flows) throws InterruptedException {
        PhaseRunner runner = new PhaseRunner(cluster::nodesCpuSeconds, server.flowGrace());
        PhaseRunner.Operation reset = flows.withApiKey(cluster.apiKey());
        if (warmUp > 0) {
            runner.run("warm-up", concurrency, Duration.ZERO, Duration.ofSeconds(warmUp), ResetFlows.API_STEPS, reset);
        }
        double[] stores = cluster.storesCpuSeconds();
        long start = System.nanoTime();
        PhaseRunner.Result r = runner.run(
                "reset-api, " + n + (n == 1 ? " node" : " nodes"),
                concurrency,
                Duration.ZERO,
                Duration.ofSeconds(duration),
                ResetFlows.API_STEPS,
                reset);
        double elapsed = (System.nanoTime() - start) / 1e9;
        double[] after = cluster.storesCpuSeconds();
        double pg = (after[0] - stores[0]) / elapsed;
        double slapd = (after[1] - stores[1]) / elapsed;
        double haproxy = (after[2] - stores[2]) / elapsed;
        return new Row(
                n,
                r,
                r.serverCores(),
                pg,
                slapd,
                haproxy,
                r.driverCores(),
                Math.max(0, r.otherCores() - pg - slapd - haproxy),
                r.loadAverage());
    }

    /** "step p50/p99 ms: start 12/40, challenge ..." */
    static String steps(Stats stats) {
        StringBuilder b = new StringBuilder("step p50/p99 ms:");
        stats.steps()
                .forEach((name, latency) -> b.append(String.format(
                        Locale.ROOT,
                        " %s %.0f/%.0f",
                        name,
                        latency.percentileMillis(50),
                        latency.percentileMillis(99))));
        return b.toString();
    }

    static String table(String started, List<Row> rows) {
        StringBuilder b = new StringBuilder();
        b.append("Cluster load, started ").append(started).append('\n');
        b.append(
                "\n| nodes | resets/s | p50 ms | p99 ms | errors | cores: nodes | PostgreSQL | slapd | HAProxy | driver | rest | load avg |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            Stats s = row.result().stats();
            b.append(String.format(
                    Locale.ROOT,
                    "| %d | %.1f | %.0f | %.0f | %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %s |%n",
                    row.nodes(),
                    row.result().opsPerSecond(),
                    s.whole().percentileMillis(50),
                    s.whole().percentileMillis(99),
                    s.errorCount() == 0 ? "0" : s.errorCount() + " (" + s.errorSummary(3) + ")",
                    row.nodesCores(),
                    row.postgresCores(),
                    row.slapdCores(),
                    row.haproxyCores(),
                    row.driverCores(),
                    row.otherCores(),
                    row.loadAverage()));
        }
        for (Row row : rows) {
            b.append("\n")
                    .append(row.nodes())
                    .append(row.nodes() == 1 ? " node, " : " nodes, ")
                    .append(steps(row.result().stats()));
        }
        b.append('\n');
        b.append("\nCores: average CPU each party used during the measured window (the driver includes the SMTP"
                + " sink); rest: every other process on the machine.\n");
        return b.toString();
    }
}
