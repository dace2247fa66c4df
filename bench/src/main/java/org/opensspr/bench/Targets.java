package org.opensspr.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The team's capacity targets (issue "Capacity"; docs/performance.md), judged against the main
 * run: each one's figure is printed whether it is met or not, so a run shows where we stand.
 */
final class Targets {

    static final double RESETS_PER_SECOND = 150;
    static final double FLOW_P99_MILLIS = 250;
    static final double STEP_P99_MILLIS = 50;
    static final double LDAP_WRITES_PER_SECOND = 1_000;
    static final double CHECKINS_PER_SECOND = 2_000;
    static final double FAST_REFUSAL_P99_MILLIS = 100;
    static final long HEAP_KIB = 256 * 1024;
    static final long RSS_KIB = 400 * 1024;

    private Targets() {}

    static void judge(Report report, ServerProcess server, List<Integer> levels) {
        errors(report, levels);
        for (String phase : List.of("reset-api", "reset-logon")) {
            report.result(phase, 16).ifPresent(r -> resets(report, r));
        }
        flood(report);
        best(
                report,
                "ldap-write",
                "durable embedded-directory password writes (best concurrency)",
                LDAP_WRITES_PER_SECOND);
        Optional<PhaseRunner.Result> checkins = report.result("checkin", 64);
        if (checkins.isPresent()) {
            PhaseRunner.Result r = checkins.get();
            report.target(
                    "device check-ins (configuration + inventory) at c=64",
                    ">= 2,000/s",
                    String.format(
                            Locale.ROOT,
                            "%.0f/s, p99 %s ms",
                            r.opsPerSecond(),
                            Report.ms(r.stats().whole(), 99)),
                    r.opsPerSecond() >= CHECKINS_PER_SECOND);
        } else {
            best(
                    report,
                    "checkin",
                    "device check-ins (configuration + inventory; c=64 not run: best level)",
                    CHECKINS_PER_SECOND);
        }
        resources(report, server);
    }

    private static void errors(Report report, List<Integer> levels) {
        long total = 0;
        StringBuilder where = new StringBuilder();
        boolean measured = false;
        for (PhaseRunner.Result r : report.results()) {
            if (List.of("reset-api", "reset-logon", "checkin").contains(r.phase()) && r.concurrency() <= 64) {
                measured = true;
                long errors = r.stats().errorCount();
                total += errors;
                if (errors > 0) {
                    where.append(where.length() == 0 ? " (" : ", ")
                            .append(r.phase())
                            .append(" c=")
                            .append(r.concurrency())
                            .append(": ")
                            .append(errors);
                }
            }
        }
        report.target(
                "errors in resets and check-ins at concurrency " + levels,
                "0",
                total + (where.length() > 0 ? where + ")" : ""),
                measured ? total == 0 : null);
    }

    private static void resets(Report report, PhaseRunner.Result r) {
        Stats s = r.stats();
        report.target(
                r.phase() + " whole resets at c=16",
                ">= 150/s",
                String.format(Locale.ROOT, "%.1f/s", r.opsPerSecond()),
                r.opsPerSecond() >= RESETS_PER_SECOND);
        double p99 = s.whole().percentileMillis(99);
        report.target(
                r.phase() + " whole-flow p99 at c=16",
                "< 250 ms",
                s.ok() == 0 ? "no flow completed" : Report.ms(p99) + " ms",
                s.ok() > 0 && p99 < FLOW_P99_MILLIS);
        StringBuilder steps = new StringBuilder();
        double worst = 0;
        for (Map.Entry<String, Latency> e : s.steps().entrySet()) {
            if (e.getKey().equals("mail-wait")) {
                continue;
            }
            double stepP99 = e.getValue().percentileMillis(99);
            worst = Math.max(worst, stepP99);
            steps.append(steps.length() == 0 ? "" : ", ")
                    .append(e.getKey())
                    .append(' ')
                    .append(Report.ms(stepP99));
        }
        report.target(
                r.phase() + " each request step's p99 at c=16 (mail-wait apart: "
                        + Report.ms(
                                s.steps().containsKey("mail-wait")
                                        ? s.steps().get("mail-wait").percentileMillis(99)
                                        : 0)
                        + " ms)",
                "< 50 ms",
                steps.length() == 0 ? "no step completed" : steps + " ms",
                steps.length() > 0 && worst < STEP_P99_MILLIS);
    }

    private static void flood(Report report) {
        report.results().stream()
                .filter(r -> r.phase().equals("flood"))
                .findFirst()
                .ifPresent(r -> {
                    Stats s = r.stats();
                    long answers = s.ok() + s.errorCount();
                    long fastRefusals = s.errors().getOrDefault("http-503", 0L);
                    long slow = s.errors().entrySet().stream()
                            .filter(e -> !e.getKey().startsWith("http-"))
                            .mapToLong(Map.Entry::getValue)
                            .sum();
                    Latency refusals = s.steps().get("503");
                    double p99 = refusals == null ? 0 : refusals.percentileMillis(99);
                    report.target(
                            "flood at c=" + r.concurrency() + ": refusals are fast 503s, no timeouts",
                            "503 p99 < 100 ms, 0 timeouts",
                            String.format(
                                    Locale.ROOT,
                                    "%d answers: %d 201, %d 503 (p99 %s ms), %d timeouts or connection errors; all: %s",
                                    answers,
                                    s.ok(),
                                    fastRefusals,
                                    Report.ms(p99),
                                    slow,
                                    s.errorSummary(6)),
                            slow == 0 && (fastRefusals == 0 || p99 < FAST_REFUSAL_P99_MILLIS));
                });
    }

    private static void best(Report report, String phase, String what, double goal) {
        Optional<PhaseRunner.Result> best = report.results().stream()
                .filter(r -> r.phase().equals(phase))
                .max((a, b) -> Double.compare(a.opsPerSecond(), b.opsPerSecond()));
        report.target(
                what,
                String.format(Locale.ROOT, ">= %,.0f/s", goal),
                best.map(r -> String.format(
                                Locale.ROOT,
                                "%.0f/s at c=%d, p99 %s ms",
                                r.opsPerSecond(),
                                r.concurrency(),
                                Report.ms(r.stats().whole(), 99)))
                        .orElse("-"),
                best.map(r -> r.opsPerSecond() >= goal).orElse(null));
    }

    private static void resources(Report report, ServerProcess server) {
        if (!server.alive()) {
            report.target("server heap and RSS after the run", "< 256 MiB, < 400 MiB", "the server died", false);
            return;
        }
        long heap = server.heapUsedKib(false);
        long heapAfterGc = server.heapUsedKib(true);
        long rss = server.rssKib();
        report.target(
                "server heap used after the run (jcmd GC.heap_info after jcmd GC.run; before it: "
                        + SimpleOperations.mib(heap) + ")",
                "< 256 MiB",
                SimpleOperations.mib(heapAfterGc),
                heapAfterGc < 0 ? null : heapAfterGc < HEAP_KIB);
        report.target(
                "server RSS after the run (VmRSS)",
                "< 400 MiB",
                SimpleOperations.mib(rss),
                rss < 0 ? null : rss < RSS_KIB);
        report.note(String.format(
                Locale.ROOT,
                "CPU over the whole main run (start, set-up, warm-ups, phases): server %.0f s, driver %.0f s",
                server.cpuSeconds(),
                ProcStat.self()));
    }
}
