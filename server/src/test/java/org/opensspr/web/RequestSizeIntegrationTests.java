package org.opensspr.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opensspr.ServerIntegrationTest;

/** No request body beyond 1 MiB, declared or streamed; a normal body still works. */
class RequestSizeIntegrationTests extends ServerIntegrationTest {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A flow start whose login is padded to {@code bytes}: valid JSON, just too large. */
    private static byte[] body(int bytes) {
        String prefix = "{\"login\":\"";
        String suffix = "\"}";
        return (prefix + "a".repeat(bytes - prefix.length() - suffix.length()) + suffix)
                .getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> post(HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/reset/flows"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(body)
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aDeclaredBodyOverTheLimitIsRefusedWith413BeforeItIsRead() throws Exception {
        HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofByteArray(body(2 * 1024 * 1024)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("payload-too-large", "1048576 bytes");
    }

    @Test
    void aStreamedBodyIsCutOffWhereItPassesTheLimit() throws Exception {
        byte[] large = body(2 * 1024 * 1024);
        HttpResponse<String> response =
                post(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("payload-too-large");
    }

    @Test
    void aBodyUnderTheLimitIsServedAsBefore() throws Exception {
        byte[] small = "{\"login\":\"alice\"}".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> declared = post(HttpRequest.BodyPublishers.ofByteArray(small));
        HttpResponse<String> streamed =
                post(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(small)));

        assertThat(declared.statusCode()).as(declared.body()).isNotIn(413, 500);
        assertThat(streamed.statusCode()).as(streamed.body()).isEqualTo(declared.statusCode());
    }
}
