package org.opensspr.agent.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the Linux sign-in tests (text and graphical) ask of the packaged server they start: that it
 * is healthy, the admin API, and the reset code it mailed to its outbox folder.
 */
final class ServerCalls {

    private static final Pattern CODE = Pattern.compile("code is ([0-9]{8})");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String RESET_URI = "./Vendor/MSFT/Policy/Config/Authentication/AllowAadPasswordReset";

    private ServerCalls() {}

    /** The packaged server jar ({@code sspr.server.jar}, set by the agent's pom). */
    static Path serverJar() {
        Path jar = Path.of(System.getProperty("sspr.server.jar", "../server/target/sspr-server.jar"));
        assertThat(jar)
                .as("the packaged server: build it first (./mvnw package -pl password-engine,readiness,server)")
                .isRegularFile();
        return jar;
    }

    /** The packaged agent jar ({@code sspr.agent.jar}; failsafe runs after {@code package}). */
    static String agentJar() {
        String jar = System.getProperty("sspr.agent.jar", "target/sspr-agent.jar");
        assertThat(Path.of(jar))
                .as("the packaged agent (run through mvn verify)")
                .isRegularFile();
        return jar;
    }

    /**
     * Starts the packaged server on {@code httpPort} (embedded directory on {@code ldapPort}, mail to
     * the outbox folder of {@code dataDir}, no CAPTCHA work, {@code adminToken}), its output in
     * {@code log}, and returns it once it is healthy.
     */
    static Process startServer(Path dataDir, int httpPort, int ldapPort, String adminToken, Path log) throws Exception {
        Process server = new ProcessBuilder(
                        HostCommands.java(),
                        "-jar",
                        serverJar().toString(),
                        "--server.port=" + httpPort,
                        "--sspr.data-dir=" + dataDir,
                        "--sspr.directory.embedded.port=" + ldapPort,
                        "--sspr.notify.poll-millis=100",
                        "--sspr.captcha.difficulty=0",
                        "--sspr.bootstrap.admin-token=" + adminToken)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        awaitHealthy(server, "http://127.0.0.1:" + httpPort, log);
        return server;
    }

    /**
     * As the admin of {@code base}: a profile that turns reset from the sign-in screen on for every
     * device, and a one-use join token, which is returned.
     */
    static String joinTokenWithResetEnabled(String base, String adminToken) throws Exception {
        admin(
                adminToken,
                "POST",
                base + "/api/v1/admin/device-profiles",
                "{\"name\":\"10-sign-in-reset\",\"settings\":[{\"omaUri\":\"" + RESET_URI
                        + "\",\"dataType\":\"integer\",\"value\":1}],\"groups\":[\"all\"]}",
                201);
        return admin(adminToken, "POST", base + "/api/v1/admin/join-tokens", "{\"uses\":1,\"expiresInHours\":1}", 201)
                .get("token")
                .asText();
    }

    /** Waits (180 s at most) until {@code base}'s health answers 200; fails with the log when the server exits. */
    static void awaitHealthy(Process server, String base, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                fail("the server exited:\n" + Files.readString(log));
            }
            try {
                HttpRequest health = HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                        .build();
                if (HTTP.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        fail("the server did not become healthy in 180 s:\n" + Files.readString(log));
    }

    /** One admin API call with the bearer {@code token}; fails unless the status is {@code expected}. */
    static JsonNode admin(String token, String method, String url, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as(method + " " + url + ": " + response.body())
                .isEqualTo(expected);
        return JSON.readTree(response.body());
    }

    /** The reset code mailed to {@code recipient} in the server's outbox folder, waited for 30 s at most. */
    static String awaitCode(Path outbox, String recipient) throws Exception {
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
}
