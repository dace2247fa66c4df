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
