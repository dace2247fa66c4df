package org.opensspr.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged server as a separate process ({@code java -jar}) on a fresh data dir, its output
 * in a log file. A shutdown hook kills it if the driver is stopped (Ctrl+C) or fails; {@link #close}
 * stops it normally. Reads the process's resident memory and CPU time from {@code /proc} and its
 * heap with {@code jcmd}.
 */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final Path dataDir;
    private final Path log;
    private final URI base;
    private final Path javaBin;
    private final Thread killer;
    private volatile double lastCpuSeconds = -1;

    private ServerProcess(Process process, Path dataDir, Path log, URI base, Path javaBin) {
        this.process = process;
        this.dataDir = dataDir;
        this.log = log;
        this.base = base;
        this.javaBin = javaBin;
        this.killer = new Thread(process::destroyForcibly, "kill-sspr-server");
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /**
     * Starts {@code java [jvmOptions] -jar jar --sspr.data-dir=<dir>/data [properties]} in {@code dir}.
     * The log is appended to, so a node started again on the same dir keeps its earlier output.
     *
     * @param properties server properties, each {@code --name=value}
     */
    static ServerProcess start(
            Path javaBin, List<String> jvmOptions, Path jar, Path dir, int httpPort, List<String> properties)
            throws IOException {
        Path dataDir = dir.resolve("data");
        Files.createDirectories(dataDir);
        Path log = dir.resolve("server.log");
        List<String> command = new ArrayList<>();
        command.add(javaBin.toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.add("--sspr.data-dir=" + dataDir);
        command.add("--server.port=" + httpPort);
        command.addAll(properties);
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new ServerProcess(process, dataDir, log, URI.create("http://127.0.0.1:" + httpPort + "/"), javaBin);
    }

    /** A port nobody listens on right now. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    URI base() {
        return base;
    }

    Path log() {
        return log;
    }

    Path dataDir() {
        return dataDir;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /**
     * Waits until {@code /actuator/health} answers 200 (db and directory UP), polling every 200 ms.
     *
     * @throws IOException when the process exits or the deadline passes; the message holds the log's tail
     */
    void awaitHealthy(Api api, Duration deadline) throws IOException {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IOException("the server exited with " + process.exitValue() + "; its log ends:\n" + tail(40));
            }
            if (healthy(api)) {
                return;
            }
            sleep(200);
        }
        throw new IOException("the server was not healthy within " + deadline + "; its log ends:\n" + tail(40));
    }

    /** One health probe: 200 from {@code /actuator/health}. */
    static boolean healthy(Api api) {
        try {
            return api.get("actuator/health", null).status() == 200;
        } catch (Failure e) {
            return false;
        }
    }

    /** Resident memory in KiB ({@code VmRSS} of /proc/<pid>/status); -1 when unknown. */
    long rssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** User + system CPU time of the server so far, in seconds; once it has ended, the last reading; -1 when unknown. */
    double cpuSeconds() {
        double cpu = ProcStat.cpuSeconds(pid());
        if (cpu >= 0) {
            lastCpuSeconds = cpu;
            return cpu;
        }
        return lastCpuSeconds;
    }

    /**
     * Heap in use in KiB, as {@code jcmd <pid> GC.heap_info} reports it; after {@code jcmd <pid>
     * GC.run} when {@code fullGcFirst}. -1 when unknown.
     */
    long heapUsedKib(boolean fullGcFirst) {
        if (fullGcFirst) {
            jcmd("GC.run");
        }
        return heapUsedKib(jcmd("GC.heap_info"));
    }

    /**
     * The heap in use in a {@code GC.heap_info} report: the sum of the "total ..., used ...K" lines,
     * one for G1's whole heap, one per generation for the serial and parallel collectors (not the
     * metaspace's "used"); -1 when there is none.
     */
    static long heapUsedKib(String heapInfo) {
        Matcher m = Pattern.compile("total \\d+K, used (\\d+)K").matcher(heapInfo);
        long used = -1;
        while (m.find()) {
            used = Math.max(used, 0) + Long.parseLong(m.group(1));
        }
        return used;
    }

    /** {@code jcmd <pid> <command>}'s output, or an empty string when it could not run within 60 s. */
    String jcmd(String command) {
        Path jcmd = javaBin.getParent() == null
                ? Path.of("jcmd")
                : javaBin.getParent().resolve("jcmd");
        String program = Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd";
        try {
            Process p = new ProcessBuilder(program, Long.toString(pid()), command)
                    .redirectErrorStream(true)
                    .start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "";
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** The last {@code lines} lines of the log. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** {@code kill -9}: the process ends at once, with whatever it had in flight; waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        Processes.removeShutdownHook(killer);
    }

    /** Stops the server: SIGTERM, then SIGKILL after 20 s. */
    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(20));
        Processes.removeShutdownHook(killer);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
