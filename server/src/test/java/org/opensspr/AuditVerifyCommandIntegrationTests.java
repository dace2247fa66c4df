package org.opensspr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar sspr-server.jar audit verify} on the data dir a real server left behind: 0 and
 * one "intact" line while the log verifies; 1 and the problem once the newest events are deleted
 * and {@code audit_head} is rewound to match (only the anchor file can tell); 2 on a usage error.
 */
class AuditVerifyCommandIntegrationTests {

    @TempDir
    Path dataDir;

    @Test
    void verifyExitsZeroOnAnIntactLogAndOneAfterTheTailIsCutAndTheHeadRewound() throws Exception {
        int httpPort = freePort();
        try (RunningServer server = RunningServer.start(dataDir, httpPort, freePort())) {
            Http admin = new Http("http://127.0.0.1:" + httpPort).bearer(RunningServer.ADMIN_TOKEN);
            for (boolean unlock : new boolean[] {true, false, true}) {
                Http.Response updated = admin.put("/api/v1/admin/policy", Map.of("allowUnlock", unlock));
                assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
            }
        } // a graceful stop seals and anchors what is left

        assertThat(Files.readAllLines(dataDir.resolve("audit/anchors"), StandardCharsets.UTF_8))
                .isNotEmpty();
        Run intact = verify("--sspr.data-dir=" + dataDir);
        assertThat(intact.exit()).as(intact.output()).isZero();
        assertThat(intact.output()).startsWith("audit log intact: ").contains("0 not sealed yet");

        try (Connection db = DriverManager.getConnection(
                "jdbc:h2:file:" + dataDir.resolve("db/sspr") + ";IFEXISTS=TRUE", "sa", "")) {
            long end;
            try (Statement statement = db.createStatement();
                    ResultSet head = statement.executeQuery("SELECT seq FROM audit_head WHERE id = 1")) {
                head.next();
                end = head.getLong(1);
            }
            assertThat(end).isGreaterThanOrEqualTo(3);
            try (PreparedStatement cut = db.prepareStatement("DELETE FROM audit_record WHERE chain_pos = ?");
                    PreparedStatement rewind = db.prepareStatement("""
                            UPDATE audit_head SET seq = seq - 1,
                                hash = (SELECT chain_mac FROM audit_record WHERE chain_pos = ?) WHERE id = 1""")) {
                cut.setLong(1, end);
                assertThat(cut.executeUpdate()).isEqualTo(1);
                rewind.setLong(1, end - 1);
                assertThat(rewind.executeUpdate()).isEqualTo(1);
            }
        }
        Run broken = verify("--sspr.data-dir=" + dataDir);
        assertThat(broken.exit()).as(broken.output()).isEqualTo(1);
        assertThat(broken.output())
                .startsWith("audit log BROKEN at the end of the chain: ")
                .contains("events at the end were removed and the head rewound");

        Run usage = verify("--sspr.data-dir=" + dataDir, "--bogus");
        assertThat(usage.exit()).as(usage.output()).isEqualTo(2);
        Run noDatabase = verify("--sspr.data-dir=" + dataDir.resolve("elsewhere"));
        assertThat(noDatabase.exit()).as(noDatabase.output()).isEqualTo(2);
        assertThat(dataDir.resolve("elsewhere/db")).as("nothing created").doesNotExist();
    }

    private record Run(int exit, String output) {}

    private static Run verify(String... arguments) throws Exception {
        String jar = Optional.ofNullable(System.getProperty("sspr.server.jar")).orElse("target/sspr-server.jar");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar, "audit", "verify"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("audit verify ended")
                .isTrue();
        return new Run(process.exitValue(), output);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
