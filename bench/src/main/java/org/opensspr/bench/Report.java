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
                "%-12s c=%-3d %8.1f ok/s  p50 %8s ms  p99 %8s ms  errors %d  (cores: server %.2f, driver %.2f, others %.2f)%s  %s",
                r.phase(),
                r.concurrency(),
                r.opsPerSecond(),
                ms(s.whole(), 50),
                ms(s.whole(), 99),
                s.errorCount(),
                r.serverCores(),
                r.driverCores(),
                r.otherCores(),
                r.abandonedWorkers() > 0 ? "  " + r.abandonedWorkers() + " workers abandoned" : "",
                s.errorSummary(4));
    }

    String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("# OpenSSPR load run\n\n");
        header.forEach(h -> b.append("- ").append(h).append('\n'));
        b.append("\n## Phases\n\n");
        b.append(
                "ok/s counts operations that succeeded inside the window; latencies are of successful operations; "
                        + "cores: average CPU the server, the driver and all other processes used during the level (the machine has "
                        + Runtime.getRuntime().availableProcessors()
                        + "); load: the machine's 1-minute load average at the end of the level, to tell how much else ran.\n\n");
        b.append(
                "| phase | c | ok/s | ok | errors | p50 ms | p99 ms | max ms | server cores | driver cores | other cores | load | errors by kind |\n");
        b.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|\n");
        for (PhaseRunner.Result r : results) {
            Stats s = r.stats();
            b.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %.1f | %d | %d | %s | %s | %s | %.2f | %.2f | %.2f | %s | %s |\n",
                    r.phase(),
                    r.concurrency(),
                    r.opsPerSecond(),
                    s.ok(),
                    s.errorCount(),
                    ms(s.whole(), 50),
                    ms(s.whole(), 99),
                    ms(s.whole(), 100),
                    r.serverCores(),
                    r.driverCores(),
                    r.otherCores(),
                    r.loadAverage(),
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

    /** The {@code percentile} of {@code latency} in ms (100: the maximum), or "-" when nothing was recorded. */
    static String ms(Latency latency, double percentile) {
        if (latency.count() == 0) {
            return "-";
        }
        return ms(percentile >= 100 ? latency.maxMillis() : latency.percentileMillis(percentile));
    }

    static String ms(double millis) {
        if (millis >= 100) {
            return String.format(Locale.ROOT, "%.0f", millis);
        }
        return String.format(Locale.ROOT, "%.1f", millis);
    }
}
