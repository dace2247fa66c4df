package org.opensspr.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The run's figures as Markdown tables (the same text goes to the terminal and to {@code --out}):
 * one row per phase and concurrency, the steps of each, and the team's targets with where the run
 * stands against each.
 */
final class Report {

    private final List<String> header = new ArrayList<>();
    private final List<PhaseRunner.Result> results = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String[]> targets = new ArrayList<>();

    void header(String line) {
        header.add(line);
    }

    void note(String line) {
        notes.add(line);
    }

    void add(PhaseRunner.Result result) {
        results.add(result);
    }

    List<PhaseRunner.Result> results() {
        return List.copyOf(results);
    }

    Optional<PhaseRunner.Result> result(String phase, int concurrency) {
        return results.stream()
                .filter(r -> r.phase().equals(phase) && r.concurrency() == concurrency)
                .findFirst();
    }

    /** A target: what, the goal, what was measured, and whether it is met (null: not measured). */
    void target(String what, String goal, String measured, Boolean met) {
        targets.add(new String[] {what, goal, measured, met == null ? "not measured" : met ? "met" : "MISSED"});
    }

    /** One line for the terminal while the run goes on. */
    static String progress(PhaseRunner.Result r) {
        Stats s = r.stats();
        return String.format(
                Locale.ROOT,
                "%-12s c=%-3d %8.1f ok/s  p50 %8.1f ms  p99 %8.1f ms  errors %d  (server %.2f cores, driver %.2f cores)%s  %s",
                r.phase(),
                r.concurrency(),
                r.opsPerSecond(),
                s.whole().percentileMillis(50),
                s.whole().percentileMillis(99),
                s.errorCount(),
                r.serverCpuSeconds() / r.windowSeconds(),
                r.driverCpuSeconds() / r.windowSeconds(),
                r.abandonedWorkers() > 0 ? "  " + r.abandonedWorkers() + " workers abandoned" : "",
                s.errorSummary(4));
    }

    String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("# OpenSSPR load run\n\n");
        header.forEach(h -> b.append("- ").append(h).append('\n'));
        b.append("\n## Phases\n\n");
        b.append("ok/s counts operations that succeeded inside the window; latencies are of successful operations; "
                + "CPU in cores (CPU seconds per second of the window; the machine has "
                + Runtime.getRuntime().availableProcessors() + ").\n\n");
        b.append(
                "| phase | c | ok/s | ok | errors | p50 ms | p99 ms | max ms | server CPU | driver CPU | errors by kind |\n");
        b.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|\n");
        for (PhaseRunner.Result r : results) {
            Stats s = r.stats();
            b.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %.1f | %d | %d | %s | %s | %s | %.2f | %.2f | %s |\n",
                    r.phase(),
                    r.concurrency(),
                    r.opsPerSecond(),
                    s.ok(),
                    s.errorCount(),
                    ms(s.whole().percentileMillis(50)),
                    ms(s.whole().percentileMillis(99)),
                    ms(s.whole().maxMillis()),
                    r.serverCpuSeconds() / r.windowSeconds(),
                    r.driverCpuSeconds() / r.windowSeconds(),
                    s.errorSummary(6)
                            + (r.abandonedWorkers() > 0 ? "; " + r.abandonedWorkers() + " workers abandoned" : "")));
        }
        b.append("\n## Steps\n\n");
        b.append("Each step's latency (requests that got the expected answer; mail-wait is the time from the "
                + "challenge's answer to the code's arrival in the sink; for the flood, each answer by outcome).\n\n");
        b.append("| phase | c | step | n | p50 ms | p99 ms | max ms |\n|---|--:|---|--:|--:|--:|--:|\n");
        for (PhaseRunner.Result r : results) {
            for (Map.Entry<String, Latency> e : r.stats().steps().entrySet()) {
                Latency l = e.getValue();
                b.append(String.format(
                        Locale.ROOT,
                        "| %s | %d | %s | %d | %s | %s | %s |\n",
                        r.phase(),
                        r.concurrency(),
                        e.getKey(),
                        l.count(),
                        ms(l.percentileMillis(50)),
                        ms(l.percentileMillis(99)),
                        ms(l.maxMillis())));
            }
        }
        if (!targets.isEmpty()) {
            b.append("\n## Targets\n\n| target | goal | measured | |\n|---|---|---|---|\n");
            targets.forEach(t -> b.append("| ").append(String.join(" | ", t)).append(" |\n"));
        }
        if (!notes.isEmpty()) {
            b.append("\n## Notes\n\n");
            notes.forEach(n -> b.append("- ").append(n).append('\n'));
        }
        return b.toString();
    }

    static String ms(double millis) {
        if (millis >= 100) {
            return String.format(Locale.ROOT, "%.0f", millis);
        }
        return String.format(Locale.ROOT, "%.1f", millis);
    }
}
