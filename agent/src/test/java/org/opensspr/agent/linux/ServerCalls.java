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

    private ServerCalls() {}

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
