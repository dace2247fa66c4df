package org.opensspr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The product as a user gets it: {@code java -jar sspr-server.jar} on an empty data dir. Alice
 * resets her password through the REST API with the code from the outbox; OpenLDAP's
 * {@code ldapwhoami} (a client we did not write) proves the new password binds and the old one
 * does not; a restart on the same data dir keeps the new password.
 */
class ServerJarIntegrationTests {

    private static final String ALICE = "uid=alice,ou=people,dc=example,dc=org";
    private static final Pattern CODE = Pattern.compile("code is ([0-9]{8})");

    @TempDir
    Path dataDir;

    @Test
    void aliceResetsHerPasswordByEmailAndTheDirectoryKeepsItAcrossARestart() throws Exception {
        int httpPort = freePort();
        int ldapPort = freePort();
        String newPassword = "Tea-Party-at-" + System.nanoTime();

        try (RunningServer server = RunningServer.start(dataDir, httpPort, ldapPort)) {
            awaitOwnerOnly(dataDir);
            Http http = new Http("http://127.0.0.1:" + httpPort);
            Http.Response started = http.post(
                    "/api/v1/reset/flows",
                    Map.of("login", "alice", "captcha", ServerIntegrationTest.solvedCaptcha(http)));
            assertThat(started.status()).as(started.toString()).isEqualTo(201);
            JsonNode flow = started.json();
            String flowId = flow.get("flowId").asString();
            assertThat(flow.get("methods").get(0).get("hint").asString()).isEqualTo("a*****@e*****.org");

            Http.Response challenge = http.post(
                    "/api/v1/reset/flows/" + flowId + "/challenges",
                    Map.of("methodId", "email", "contact", "alice@example.org"));
            assertThat(challenge.status()).as(challenge.toString()).isEqualTo(202);
            String code = awaitCode(dataDir.resolve("outbox"), "alice@example.org");

            Http.Response verified = http.post(
                    "/api/v1/reset/flows/" + flowId + "/verifications", Map.of("methodId", "email", "code", code));
            assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
            assertThat(verified.json().get("remaining").asInt()).isZero();

            Http.Response reset =
                    http.post("/api/v1/reset/flows/" + flowId + "/password", Map.of("newPassword", newPassword));
            assertThat(reset.status()).as(reset.toString()).isEqualTo(200);

            assertThat(ldapWhoAmI(ldapPort, newPassword)).isEqualTo(new WhoAmI(0, "dn:" + ALICE));
            assertThat(ldapWhoAmI(ldapPort, "alice-demo-2026").exitCode())
                    .as("the old password must fail")
                    .isEqualTo(49);

            Http.Response audit = http.bearer(RunningServer.ADMIN_TOKEN)
                    .get("/api/v1/admin/audit?target=alice&activity=" + "Reset%20password%20(self-service)");
            assertThat(audit.status()).as(audit.toString()).isEqualTo(200);
            JsonNode event = audit.json().get("events").get(0);
            assertThat(event.get("result").asString()).isEqualTo("Success");
            assertThat(event.get("ip").asString()).isEqualTo("127.0.0.1");
            assertThat(event.get("clientType").asString()).isEqualTo("Browser");
        }

        try (RunningServer restarted = RunningServer.start(dataDir, httpPort, ldapPort)) {
            assertThat(restarted.log()).contains("Embedded directory loaded").doesNotContain("seeded");
            assertThat(ldapWhoAmI(ldapPort, newPassword)).isEqualTo(new WhoAmI(0, "dn:" + ALICE));
            assertThat(ldapWhoAmI(ldapPort, "alice-demo-2026").exitCode()).isEqualTo(49);
        }
    }

    @Test
    void aPortalResetGoesOnAfterTheServerIsKilledBetweenTwoSteps() throws Exception {
        int httpPort = freePort();
        int ldapPort = freePort();
        String newPassword = "Kept-across-a-crash-" + System.nanoTime();
        PortalSession browser = new PortalSession("http://127.0.0.1:" + httpPort);
        String code;
        try (RunningServer server = RunningServer.start(dataDir, httpPort, ldapPort)) {
            browser.get("/reset");
            String captcha = ServerIntegrationTest.solvedCaptcha(new Http("http://127.0.0.1:" + httpPort));
            step(browser, "/reset/start", Map.of("login", "alice", "captcha", captcha));
            step(browser, "/reset/method", Map.of("methodId", "email"));
            assertThat(step(browser, "/reset/contact", Map.of("contact", "alice@example.org")))
                    .contains("name=\"code\"");
            code = awaitCode(dataDir.resolve("outbox"), "alice@example.org");
            server.kill();
        }

        try (RunningServer restarted = RunningServer.start(dataDir, httpPort, ldapPort)) {
            assertThat(browser.get("/reset").body())
                    .as("the same browser is still at the code step")
                    .contains("name=\"code\"");
            assertThat(step(browser, "/reset/verify", Map.of("code", code))).contains("name=\"newPassword\"");
            assertThat(step(
                            browser,
                            "/reset/password",
                            Map.of("newPassword", newPassword, "confirmPassword", newPassword)))
                    .doesNotContain("name=\"newPassword\"");
            assertThat(ldapWhoAmI(ldapPort, newPassword)).isEqualTo(new WhoAmI(0, "dn:" + ALICE));
        }
    }

    /** Posts a step of the portal's reset and follows its redirect back to /reset: the page of the next step. */
    private static String step(PortalSession browser, String path, Map<String, String> fields) {
        HttpResponse<String> answer = browser.post(path, fields);
        assertThat(PortalSession.location(answer))
                .as(path + ": " + answer.body())
                .isEqualTo("/reset");
        return browser.get("/reset").body();
    }

    private static String awaitCode(Path outbox, String recipient) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(outbox)) {
                try (Stream<Path> files = Files.list(outbox)) {
                    for (Path file :
                            files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                        String mail = Files.readString(file, StandardCharsets.UTF_8);
                        Matcher code = CODE.matcher(mail);
                        // The code mail, not a notice: OpenSSPR names each mail's kind in a header.
                        if (mail.contains("To: " + recipient)
                                && mail.contains("X-OpenSSPR-Message: reset-code")
                                && code.find()) {
                            return code.group(1);
                        }
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no code for " + recipient + " arrived in " + outbox + " within 30 s");
    }

    record WhoAmI(int exitCode, String output) {}

    private static WhoAmI ldapWhoAmI(int port, String password) throws Exception {
        Process process = new ProcessBuilder(
                        "ldapwhoami", "-x", "-H", "ldap://127.0.0.1:" + port, "-D", ALICE, "-w", password)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new WhoAmI(process.exitValue(), process.exitValue() == 0 ? output : "");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Waits (at most 30 s) until every folder under the data dir is {@code rwx------} and every file
     * {@code rw-------}, as the README promises, whatever the umask the test runs with: the files the
     * database and the directory create during start-up included.
     */
    private static void awaitOwnerOnly(Path dataDir) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<String> open = List.of();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                open = paths.filter(p -> !Files.isSymbolicLink(p))
                        .filter(p -> {
                            try {
                                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                                return !mode.equals(Files.isDirectory(p) ? "rwx------" : "rw-------");
                            } catch (IOException e) {
                                return false; // gone meanwhile (a temporary file)
                            }
                        })
                        .map(p -> dataDir.relativize(p).toString())
                        .toList();
            }
            if (open.isEmpty()) {
                return;
            }
            Thread.sleep(200);
        }
        fail("not owner-only in the data dir after 30 s: " + open);
    }
}
