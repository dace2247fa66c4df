package org.opensspr.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One server of a load run: seeds its directory, starts it, sets up the API key and the devices,
 * runs the phases level by level, and (for the main run) judges the targets and reads the
 * server's memory before stopping it. {@link LoadDriver} holds the options and the report.
 */
final class ServerRun {

    private final LoadDriver options;
    private final Report report;
    private final MailSink sink;

    ServerRun(LoadDriver options, Report report, MailSink sink) {
        this.options = options;
        this.report = report;
        this.sink = sink;
    }

    /**
     * Seeds, starts and measures one server. The main run ({@code suffix} empty) is judged against
     * the targets; another run's phases are named with {@code suffix}, e.g. " (200 users)".
     */
    void run(Path dir, int seeded, List<String> runPhases, List<Integer> levels, String suffix)
            throws IOException, InterruptedException, Failure {
        boolean main = suffix.isEmpty();
        Files.createDirectories(dir);
        Path seed = dir.resolve("seed.ldif");
        long t = System.nanoTime();
        SeedLdif.write(seed, seeded);
        System.out.printf(
                Locale.ROOT, "%nSeed of %d users written in %.1f s: %s%n", seeded, (System.nanoTime() - t) / 1e9, seed);
        int httpPort = ServerProcess.freePort();
        int ldapPort = ServerProcess.freePort();
        String token = "load-" + HexFormat.of().formatHex(randomBytes());
        List<String> properties = new ArrayList<>(List.of(
                "--sspr.directory.embedded.seed=" + seed,
                "--sspr.directory.embedded.port=" + ldapPort,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + sink.port(),
                "--sspr.reset.flow-starts-per-ip=1000000000",
                "--sspr.bootstrap.admin-token=" + token));
        ServerOptions node = options.server;
        properties.addAll(node.serverArgs);
        t = System.nanoTime();
        try (ServerProcess server = ServerProcess.start(
                        node.java, node.jvmOptionList(), node.serverJar, dir, httpPort, properties);
                Api api = new Api(server.base(), node.requestTimeout())) {
            System.out.println("Server pid " + server.pid() + ", log: " + server.log());
            server.awaitHealthy(api, node.startWait());
            double healthy = (System.nanoTime() - t) / 1e9;
            System.out.printf(Locale.ROOT, "Healthy in %.1f s with %d users%n", healthy, seeded);
            report.header(String.format(
                    Locale.ROOT,
                    "Server with %d users: healthy %.1f s after java -jar; log %s",
                    seeded,
                    healthy,
                    server.log()));
            String admin = Api.bearer(token);
            String apiKey = Json.string(
                    Api.expect(api.post("api/v1/admin/api-keys", Json.object("name", "load"), admin), 201)
                            .body(),
                    "key");
            int ldapSlice = runPhases.contains("ldap-write")
                    ? (options.ldapUsers != null ? options.ldapUsers : Math.max(1, Math.min(2000, seeded / 10)))
                    : 0;
            int resetUsers = seeded - ldapSlice;
            List<Devices.Device> devices = List.of();
            Devices deviceApi = new Devices(api);
            if (runPhases.contains("checkin") || runPhases.contains("reset-logon")) {
                t = System.nanoTime();
                devices = deviceApi.setUp(admin, Collections.max(levels));
                System.out.printf(
                        Locale.ROOT, "%d devices joined in %.1f s%n", devices.size(), (System.nanoTime() - t) / 1e9);
            }
            ResetFlows resets = new ResetFlows(api, sink, resetUsers, node.mailWait());
            Duration requestGrace = node.requestTimeout().plusSeconds(5);
            Duration flowGrace = node.flowGrace();
            for (String phase : runPhases) {
                String name = phase + suffix;
                switch (phase) {
                    case "ceiling" ->
                        levels(
                                server,
                                api,
                                name,
                                options.ceilingConcurrency,
                                requestGrace,
                                SimpleOperations.CEILING_STEPS,
                                SimpleOperations.liveness(api));
                    case "checkin" ->
                        levels(
                                server,
                                api,
                                name,
                                levels,
                                requestGrace,
                                Devices.CHECKIN_STEPS,
                                deviceApi.checkIn(devices));
                    case "reset-api" ->
                        levels(server, api, name, levels, flowGrace, ResetFlows.API_STEPS, resets.withApiKey(apiKey));
                    case "reset-logon" ->
                        levels(
                                server,
                                api,
                                name,
                                levels,
                                flowGrace,
                                ResetFlows.LOGON_STEPS,
                                resets.withLogonSession(devices));
                    case "ldap-write" -> {
                        String manager = Files.readString(
                                        server.dataDir().resolve("directory/manager.secret"), StandardCharsets.US_ASCII)
                                .trim();
                        try (LdapWrites writes =
                                new LdapWrites(ldapPort, manager, resetUsers, ldapSlice, node.timeout * 1000)) {
                            levels(server, api, name, levels, requestGrace, List.of("write"), writes.write());
                        }
                    }
                    case "flood" -> {
                        PhaseRunner runner = new PhaseRunner(server, requestGrace);
                        PhaseRunner.Result r = runner.run(
                                name,
                                options.floodConcurrency,
                                Duration.ZERO,
                                Duration.ofSeconds(options.floodDuration),
                                List.of("201", "503"),
                                SimpleOperations.flood(api, apiKey, resetUsers));
                        record(r);
                        settle(server, api);
                    }
                    default -> throw new IllegalStateException("unknown phase " + phase);
                }
            }
            outboxNote(api, admin, seeded);
            if (main) {
                Targets.judge(report, server, options.concurrency);
            }
            if (!server.alive()) {
                report.note("The server with " + seeded + " users died during the run; see " + server.log());
            }
        }
        if (!options.keepData) {
            deleteTree(dir.resolve("data"));
        }
    }

    private void levels(
            ServerProcess server,
            Api api,
            String phase,
            List<Integer> levels,
            Duration grace,
            List<String> steps,
            PhaseRunner.Operation operation)
            throws InterruptedException {
        PhaseRunner runner = new PhaseRunner(server, grace);
        boolean first = true;
        for (int c : levels) {
            Duration warm = first ? Duration.ofSeconds(options.warmUp) : Duration.ZERO;
            first = false;
            record(runner.run(phase, c, warm, Duration.ofSeconds(options.duration), steps, operation));
            settle(server, api);
        }
    }

    /**
     * Where the mail wait goes, from the server's own timers: {@code sspr.outbox.delivery} (one
     * hand-over of a batch to SMTP) and {@code sspr.outbox.wait} (queued to delivered).
     */
    private void outboxNote(Api api, String admin, int seeded) {
        try {
            double[] handOver = timer(api, admin, "sspr.outbox.delivery");
            double[] wait = timer(api, admin, "sspr.outbox.wait");
            report.note(String.format(
                    Locale.ROOT,
                    "Outbox with %d users (server timers): %.0f hand-overs to SMTP, mean %.1f ms; %.0f messages"
                            + " delivered, mean %.1f ms from queued to delivered",
                    seeded,
                    handOver[0],
                    handOver[0] == 0 ? 0 : handOver[1] * 1000 / handOver[0],
                    wait[0],
                    wait[0] == 0 ? 0 : wait[1] * 1000 / wait[0]));
        } catch (Failure e) {
            report.note("Outbox timers not read: " + e.getMessage());
        }
    }

    /** COUNT and TOTAL_TIME (seconds) of a timer from {@code /actuator/metrics/{name}}. */
    private static double[] timer(Api api, String admin, String name) throws Failure {
        String body =
                Api.expect(api.get("actuator/metrics/" + name, admin), 200).body();
        double[] values = new double[2];
        Matcher m = Pattern.compile(
                        "\"statistic\"\\s*:\\s*\"(COUNT|TOTAL_TIME)\"\\s*,\\s*\"value\"\\s*:\\s*([0-9.Ee+-]+)")
                .matcher(body);
        while (m.find()) {
            values[m.group(1).equals("COUNT") ? 0 : 1] += Double.parseDouble(m.group(2));
        }
        return values;
    }

    private void record(PhaseRunner.Result result) {
        report.add(result);
        System.out.println(Report.progress(result));
    }

    /** Waits (at most 60 s) until the server answers its health check again, so the next level starts clean. */
    private static void settle(ServerProcess server, Api api) {
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end && server.alive() && !ServerProcess.healthy(api)) {
            ServerProcess.sleep(500);
        }
        double waited = (System.nanoTime() - start) / 1e9;
        if (waited > 1) {
            System.out.printf(Locale.ROOT, "  (waited %.1f s for the server to be healthy again)%n", waited);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Collections.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
