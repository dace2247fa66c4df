package org.opensspr.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Debian's HAProxy in front of the nodes, with a configuration file of its own on free ports:
 * round robin per request, each node checked with {@code GET /actuator/health/readiness} every
 * 500 ms (down after 2 failed checks, up after 2 good ones), a request whose connection to a node
 * fails is retried on another ({@code retries}, {@code option redispatch}), the client's address
 * goes in {@code X-Forwarded-For}, and every answer says which node gave it in
 * {@code X-Served-By} ({@code node1}, ...). A stats listener tells each node's state as HAProxy
 * sees it. Node {@code i} (0-based) is {@code node<i+1>}.
 */
final class HaProxy implements AutoCloseable {

    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

    private final Path dir;
    private final int port;
    private final int statsPort;
    private Process process;
    private final Thread killer;
    private final Api stats;

    private HaProxy(Path dir, int port, int statsPort) {
        this.dir = dir;
        this.port = port;
        this.statsPort = statsPort;
        this.killer = new Thread(this::destroy, "kill-haproxy");
        this.stats = new Api(URI.create("http://127.0.0.1:" + statsPort + "/"), Duration.ofSeconds(5));
        Runtime.getRuntime().addShutdownHook(killer);
    }

    static boolean installed() {
        return Files.isExecutable(HAPROXY);
    }

    static String nodeName(int node) {
        return "node" + (node + 1);
    }

    /** Starts HAProxy in {@code dir} in front of the nodes listening on {@code nodePorts}. */
    static HaProxy start(Path dir, List<Integer> nodePorts) throws IOException, InterruptedException {
        if (!installed()) {
            throw new IOException("Debian's haproxy is needed: apt-get install -y haproxy (.ci/run does)");
        }
        Files.createDirectories(dir);
        HaProxy haProxy = new HaProxy(dir, ServerProcess.freePort(), ServerProcess.freePort());
        haProxy.configure(nodePorts);
        return haProxy;
    }

    /** Writes the configuration for {@code nodePorts} and (re)starts HAProxy with it on the same ports. */
    synchronized void configure(List<Integer> nodePorts) throws IOException, InterruptedException {
        stop();
        Path config = dir.resolve("haproxy.cfg");
        Files.writeString(config, config(nodePorts), StandardCharsets.UTF_8);
        // -db: in the foreground, so the process is ours to stop
        process = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("haproxy.log").toFile()))
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (states().isEmpty()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IOException("haproxy did not start: "
                        + Files.readString(dir.resolve("haproxy.log"), StandardCharsets.UTF_8));
            }
            Thread.sleep(50);
        }
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    synchronized long pid() {
        return process != null && process.isAlive() ? process.pid() : -1;
    }

    /** Each node's state as HAProxy sees it ({@code node1 -> UP}, {@code DOWN}, {@code UP 1/2}, ...); empty when stats do not answer. */
    Map<String, String> states() {
        Map<String, String> states = new LinkedHashMap<>();
        try {
            Api.Response r = stats.get("stats;csv", null);
            if (r.status() != 200) {
                return states;
            }
            List<String> lines = r.body().lines().toList();
            if (lines.isEmpty()) {
                return states;
            }
            List<String> header = List.of(lines.get(0).replaceFirst("^# ", "").split(",", -1));
            int px = header.indexOf("pxname");
            int sv = header.indexOf("svname");
            int status = header.indexOf("status");
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                if (f.length > status && "nodes".equals(f[px]) && f[sv].startsWith("node")) {
                    states.put(f[sv], f[status]);
                }
            }
        } catch (Failure e) {
            // not started yet, or stopped
        }
        return states;
    }

    /** Waits until HAProxy reports node {@code node} (0-based) as exactly {@code state} ("UP" or "DOWN"). */
    void awaitState(int node, String state, Duration deadline) throws IOException, InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        String name = nodeName(node);
        while (!state.equals(states().get(name))) {
            if (System.nanoTime() > end) {
                throw new IOException(
                        "HAProxy did not see " + name + " " + state + " within " + deadline + ": " + states());
            }
            Thread.sleep(50);
        }
    }

    synchronized void stop() {
        if (process != null) {
            Processes.stop(process, Duration.ofSeconds(10));
        }
    }

    @Override
    public void close() {
        stop();
        stats.close();
        Processes.removeShutdownHook(killer);
    }

    private synchronized void destroy() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    private String config(List<Integer> nodePorts) {
        StringBuilder servers = new StringBuilder();
        for (int i = 0; i < nodePorts.size(); i++) {
            servers.append("  server ")
                    .append(nodeName(i))
                    .append(" 127.0.0.1:")
                    .append(nodePorts.get(i))
                    .append(" check\n");
        }
        return String.format(Locale.ROOT, """
                # Written by the OpenSSPR bench (HaProxy.java) for one cluster run.
                global
                  maxconn 4096

                defaults
                  mode http
                  timeout connect 2s
                  timeout client 60s
                  timeout server 60s
                  timeout check 2s
                  # a request whose connection to a node fails goes to another node
                  retries 3
                  option redispatch 1
                  option forwardfor

                frontend sspr
                  bind 127.0.0.1:%1$d
                  default_backend nodes

                backend nodes
                  balance roundrobin
                  option httpchk GET /actuator/health/readiness
                  http-check expect status 200
                  default-server inter 500ms fastinter 250ms downinter 500ms fall 2 rise 2
                  http-response set-header X-Served-By %%s
                %2$s
                listen stats
                  bind 127.0.0.1:%3$d
                  stats enable
                  stats uri /stats
                """, port, servers, statsPort);
    }
}
