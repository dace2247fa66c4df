package org.opensspr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * What got a 200 survives {@code kill -9}: the packaged server on its embedded defaults (H2 file
 * and embedded directory) is killed in the middle of a burst of password resets and started
 * again on the same data dir. Every acknowledged reset's new password binds and has its audit
 * event; no finished flow takes a second password; every user whose password changed has an
 * audit event that says so, acknowledged or not (a write the crash cut off is settled by the
 * restarted server); and the audit log verifies.
 */
class CrashRecoveryIntegrationTests {

    private static final int USERS = 24;
    private static final Pattern CODE = Pattern.compile("code is ([0-9]{8})");

    @TempDir
    Path dataDir;

    @Test
    void acknowledgedResetsSurviveAKillInTheMiddleOfABurst() throws Exception {
        int httpPort = ServerJarIntegrationTests.freePort();
        int ldapPort = ServerJarIntegrationTests.freePort();
        Path seed = seed(dataDir.resolveSibling(dataDir.getFileName() + "-seed.ldif"));
        String[] settings = {
            "--sspr.directory.embedded.seed=" + seed,
            "--sspr.captcha.difficulty=0",
            "--sspr.reset.flow-starts-per-ip=100000",
            // Settle every write the crash cut off at start, before the node reports ready.
            "--sspr.reset.interrupted-after=0s"
        };
        Map<String, String> flows = new HashMap<>();
        Map<String, String> passwords = new HashMap<>();
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        try (RunningServer server = RunningServer.start(dataDir, httpPort, ldapPort, settings)) {
            Http http = new Http("http://127.0.0.1:" + httpPort);
            for (int i = 1; i <= USERS; i++) {
                String login = login(i);
                flows.put(login, verifiedFlow(http, login));
                passwords.put(login, "Crash-proof-" + login + "-" + System.nanoTime());
            }

            // Every verified user chooses a new password at once; the server dies after the first few answers.
            ExecutorService clients = Executors.newFixedThreadPool(8);
            CountDownLatch firstAnswers = new CountDownLatch(4);
            for (String login : flows.keySet()) {
                clients.submit(() -> {
                    try {
                        Http.Response reset = http.post(
                                "/api/v1/reset/flows/" + flows.get(login) + "/password",
                                Map.of("newPassword", passwords.get(login)));
                        answers.put(login, reset.status());
                        firstAnswers.countDown();
                    } catch (RuntimeException connectionLost) {
                        answers.put(login, -1);
                    }
                });
            }
            assertThat(firstAnswers.await(60, TimeUnit.SECONDS)).isTrue();
            server.kill();
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        List<String> acknowledged = flows.keySet().stream()
                .filter(login -> answers.getOrDefault(login, -1) == 200)
                .sorted()
                .toList();
        System.out.printf(
                "killed with %d of %d resets acknowledged, %d cut off%n",
                acknowledged.size(), USERS, USERS - acknowledged.size());
        assertThat(acknowledged).isNotEmpty();

        try (RunningServer server = RunningServer.start(dataDir, httpPort, ldapPort, settings)) {
            Http http = new Http("http://127.0.0.1:" + httpPort);
            Http admin = http.bearer(RunningServer.ADMIN_TOKEN);
            for (String login : acknowledged) {
                assertThat(http.basic(login, passwords.get(login))
                                .get("/api/v1/me/methods")
                                .status())
                        .as(login + "'s acknowledged new password binds after the crash")
                        .isEqualTo(200);
            }
            for (String login : flows.keySet()) {
                boolean changed = http.basic(login, passwords.get(login))
                                .get("/api/v1/me/methods")
                                .status()
                        == 200;
                // No password changed without its event, and no event claims a change that did not happen.
                assertThat(lastReset(admin, login).equals("Success"))
                        .as(login + ": password changed = " + changed + ", last reset event " + lastReset(admin, login))
                        .isEqualTo(changed);
                if (changed) {
                    assertThat(http.post(
                                            "/api/v1/reset/flows/" + flows.get(login) + "/password",
                                            Map.of("newPassword", "Second-try-" + login + "-99"))
                                    .status())
                            .as(login + "'s finished flow takes no second password")
                            .isEqualTo(404);
                }
            }
            JsonNode settled = admin.get("/api/v1/admin/audit?activity=Reset%20password%20(self-service)&limit=100")
                    .json()
                    .get("events");
            long afterInterruption = 0;
            for (JsonNode event : settled) {
                if (event.get("details").asString().contains("interrupt")) {
                    afterInterruption++;
                }
            }
            System.out.printf(
                    "after the restart %d cut-off resets were settled from the directory%n", afterInterruption);
            JsonNode verified = admin.get("/api/v1/admin/audit/verify").json();
            assertThat(verified.get("intact").asBoolean())
                    .as(verified.toString())
                    .isTrue();
        }
        try (Connection db = DriverManager.getConnection(
                        "jdbc:h2:file:" + dataDir.resolve("db/sspr").toAbsolutePath(), "sa", "");
                ResultSet writing =
                        db.createStatement().executeQuery("SELECT COUNT(*) FROM reset_flow WHERE status = 'WRITING'")) {
            assertThat(writing.next()).isTrue();
            assertThat(writing.getInt(1)).as("no reset is left half-done").isZero();
        }
    }

    private String verifiedFlow(Http http, String login) throws Exception {
        Http.Response started = http.post("/api/v1/reset/flows", Map.of("login", login, "captcha", captcha(http)));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String flowId = started.json().get("flowId").asString();
        String mail = login + "@example.org";
        assertThat(http.post(
                                "/api/v1/reset/flows/" + flowId + "/challenges",
                                Map.of("methodId", "email", "contact", mail))
                        .status())
                .isEqualTo(202);
        Http.Response verified = http.post(
                "/api/v1/reset/flows/" + flowId + "/verifications",
                Map.of("methodId", "email", "code", awaitCode(mail)));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        return flowId;
    }

    private static String captcha(Http http) {
        return ServerIntegrationTest.solvedCaptcha(http);
    }

    /** The reset code mailed to {@code recipient}, from the outbox folder (no SMTP server is configured). */
    private String awaitCode(String recipient) throws Exception {
        Path outbox = dataDir.resolve("outbox");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(outbox)) {
                try (Stream<Path> files = Files.list(outbox)) {
                    for (Path file :
                            files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                        String mail = Files.readString(file, StandardCharsets.UTF_8);
                        Matcher code = CODE.matcher(mail);
                        if (mail.contains("To: " + recipient + "\r\n")
                                && mail.contains("X-OpenSSPR-Message: reset-code")
                                && code.find()) {
                            Files.delete(file);
                            return code.group(1);
                        }
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no reset code for " + recipient + " within 30 s");
    }

    private static String lastReset(Http admin, String login) {
        JsonNode events = admin.get(
                        "/api/v1/admin/audit?target=" + login + "&activity=Reset%20password%20(self-service)")
                .json()
                .get("events");
        return events.isEmpty() ? "none" : events.get(0).get("result").asString();
    }

    private static String login(int i) {
        return String.format(java.util.Locale.ROOT, "crash%02d", i);
    }

    /** The demo organisation's shape with {@value #USERS} users of our own. */
    private static Path seed(Path file) throws IOException {
        List<String> ldif = new ArrayList<>(List.of(
                "dn: dc=example,dc=org",
                "objectClass: top",
                "objectClass: domain",
                "dc: example",
                "",
                "dn: ou=people,dc=example,dc=org",
                "objectClass: organizationalUnit",
                "ou: people",
                "",
                "dn: ou=groups,dc=example,dc=org",
                "objectClass: organizationalUnit",
                "ou: groups",
                ""));
        for (int i = 1; i <= USERS; i++) {
            String login = login(i);
            ldif.addAll(List.of(
                    "dn: uid=" + login + ",ou=people,dc=example,dc=org",
                    "objectClass: inetOrgPerson",
                    "uid: " + login,
                    "cn: Crash Test " + i,
                    "sn: Test",
                    "mail: " + login + "@example.org",
                    "userPassword: initial-" + login + "-pw",
                    ""));
        }
        Files.write(file, ldif, StandardCharsets.UTF_8);
        return file;
    }
}
