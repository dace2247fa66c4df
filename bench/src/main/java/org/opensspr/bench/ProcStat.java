package org.opensspr.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of a process from {@code /proc/<pid>/stat} (Linux), for the server and the driver itself. */
final class ProcStat {

    /** Linux reports CPU times in clock ticks of USER_HZ, which is 100 on every Linux the JDK runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcStat() {}

    /** utime + stime of {@code pid} in seconds; -1 when unknown (no /proc, process gone). */
    static double cpuSeconds(long pid) {
        try {
            return parse(Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The machine's 1-minute load average ({@code /proc/loadavg}), to tell how busy the machine was; "?" when unknown. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII)
                    .split(" ", -1)[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** CPU seconds the whole machine spent busy (all cores: /proc/stat minus idle and iowait); -1 when unknown. */
    static double machineBusySeconds() {
        try {
            String first = Files.readString(Path.of("/proc/stat"), StandardCharsets.US_ASCII)
                    .lines()
                    .findFirst()
                    .orElseThrow();
            return parseMachine(first);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Busy seconds of a /proc/stat "cpu" line: user nice system idle iowait irq softirq steal ..., less idle and iowait. */
    static double parseMachine(String cpuLine) {
        String[] f = cpuLine.trim().split("\\s+", -1);
        long busy = 0;
        for (int i = 1; i < Math.min(f.length, 9); i++) {
            if (i != 4 && i != 5) {
                busy += Long.parseLong(f[i]);
            }
        }
        return busy / TICKS_PER_SECOND;
    }

    /**
     * CPU seconds of a process and all its descendants: its own time, the time of its children it
     * has already reaped (cutime + cstime: PostgreSQL's ended backends) and that of the ones still
     * running (PostgreSQL's backends, one per pooled connection); -1 when the process is gone.
     */
    static double treeCpuSeconds(long pid) {
        double own;
        try {
            own = parseWithChildren(Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        double descendants = ProcessHandle.of(pid)
                .map(p -> p.descendants()
                        .mapToDouble(d -> Math.max(0, cpuSeconds(d.pid())))
                        .sum())
                .orElse(0.0);
        return own + descendants;
    }

    /** utime + stime + cutime + cstime (fields 14-17) of a stat line, in seconds. */
    static double parseWithChildren(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ", -1);
        return (Long.parseLong(fields[11])
                        + Long.parseLong(fields[12])
                        + Long.parseLong(fields[13])
                        + Long.parseLong(fields[14]))
                / TICKS_PER_SECOND;
    }

    static double self() {
        return cpuSeconds(ProcessHandle.current().pid());
    }

    /** utime (field 14) + stime (field 15) of a stat line, in seconds; the command (field 2) may hold spaces. */
    static double parse(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ", -1);
        // fields[0] is field 3 (state), so field n is fields[n - 3]
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }
}
