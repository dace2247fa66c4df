package org.opensspr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit CSV export streams: 100,000 events, a CSV far larger than the server's whole heap, come
 * out of the packaged jar started with {@value #HEAP} (and {@code -XX:+ExitOnOutOfMemoryError}, so
 * building the file in memory would kill the server and cut the download short). The events are
 * written by batch SQL into a throwaway data dir of this test's own, never into the shared test
 * database: their MACs are made up, so that log does not verify (nothing here asks it to).
 */
class AuditExportMemoryIntegrationTests {

    private static final String HEAP = "-Xmx48m";
    private static final long HEAP_BYTES = 48L * 1024 * 1024;
    private static final int EVENTS = 100_000;
    private static final int DETAILS_CHARS = 800;

    @TempDir
    Path dataDir;

    @Test
    void anExportOfAHundredThousandEventsLargerThanTheHeapStreamsThemAll() throws Exception {
        int httpPort = freePort();
        int ldapPort = freePort();
        // A first start creates the database (migrations, installation record); then the events go in.
        try (RunningServer ignored = RunningServer.start(dataDir, httpPort, ldapPort)) {
            // started and healthy
        }
        try (Connection db = DriverManager.getConnection(
                        "jdbc:h2:file:" + dataDir.resolve("db/sspr") + ";IFEXISTS=TRUE", "sa", "");
                Statement insert = db.createStatement()) {
            // The rows go in sealed (a chain position each, the head moved past them): unsealed, the
            // server's sealer would rewrite all 100,000 during the export, and H2 keeps the versions an
            // open read transaction may still see in memory. A live log never has that many waiting:
            // it is sealed every second.
            long sealed;
            try (ResultSet head = insert.executeQuery("SELECT seq FROM audit_head WHERE id = 1")) {
                assertThat(head.next()).isTrue();
                sealed = head.getLong(1);
            }
            int inserted = insert.executeUpdate(String.format(Locale.ROOT, """
                    INSERT INTO audit_record (time_at, activity, result, actor, target, ip, client_type, details, row_mac,
                        chain_pos, chain_mac)
                    SELECT 1600000000000 + X, 'Bulk export test', 'Success', 'bulk', CONCAT('user', X), '192.0.2.1',
                        'Api', CONCAT(REPEAT('x', %d), X), REPEAT('0', 64), %d + X, REPEAT('0', 64)
                    FROM SYSTEM_RANGE(1, %d)""", DETAILS_CHARS, sealed, EVENTS));
            assertThat(inserted).isEqualTo(EVENTS);
            assertThat(insert.executeUpdate("UPDATE audit_head SET seq = " + (sealed + EVENTS) + " WHERE id = 1"))
                    .isEqualTo(1);
        }

        try (RunningServer server =
                RunningServer.start(dataDir, httpPort, ldapPort, List.of(HEAP, "-XX:+ExitOnOutOfMemoryError"))) {
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(URI.create(
                            "http://127.0.0.1:" + httpPort + "/api/v1/admin/audit.csv?activity=Bulk%20export%20test"))
                    .header("Authorization", "Bearer " + RunningServer.ADMIN_TOKEN)
                    .timeout(Duration.ofMinutes(10))
                    .build();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Length"))
                    .as("streamed, not a body of known length")
                    .isEmpty();

            long rows = 0;
            long chars = 0;
            String first = null;
            String last = null;
            try (BufferedReader csv =
                    new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                assertThat(csv.readLine()).isEqualTo("time,activity,result,actor,target,ip,clientType,details");
                for (String line = csv.readLine(); line != null; line = csv.readLine()) {
                    rows++;
                    chars += line.length() + 2;
                    if (first == null) {
                        first = line;
                    }
                    last = line;
                }
            }
            assertThat(rows).isEqualTo(EVENTS);
            assertThat(chars).as("the CSV is larger than the heap").isGreaterThan(HEAP_BYTES);
            assertThat(first).as("newest first").contains("\"user" + EVENTS + "\"");
            assertThat(last).contains("\"user1\"");

            HttpResponse<String> live = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/health/liveness"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(live.statusCode()).as("the server lives on").isEqualTo(200);
            assertThat(server.log()).doesNotContain("OutOfMemoryError");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
