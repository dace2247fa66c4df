package org.opensspr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server refuses to start, with one line that says what is wrong and what to do and
 * no stack trace, where starting would silently lose or expose state: a data dir whose embedded
 * directory, database or secret key is missing, empty or different from what it had; an unknown
 * {@code sspr.*} setting; the demo directory off loopback. Deleting {@code installation.properties}
 * is the way out of a deliberate fresh start.
 */
class StartRefusalIntegrationTests {

    @TempDir
    Path dataDir;

    @TempDir
    Path aside;

    @Test
    void aDataDirThatLostItsDirectoryDatabaseOrKeyIsRefusedUntilItsRecordIsDeleted() throws Exception {
        int httpPort = ServerJarIntegrationTests.freePort();
        int ldapPort = ServerJarIntegrationTests.freePort();
        try (RunningServer first = RunningServer.start(dataDir, httpPort, ldapPort)) {
            assertThat(first.log()).contains("seeded");
        }
        Path record = dataDir.resolve("installation.properties");
        String wayOut = "delete " + record;

        Path snapshot = dataDir.resolve("directory/directory.ldif");
        Files.move(snapshot, aside.resolve("directory.ldif"));
        assertRefused(
                RunningServer.refused(dataDir, httpPort, ldapPort),
                "the embedded directory's " + snapshot + " is missing",
                wayOut);
        Files.writeString(snapshot, "");
        assertRefused(RunningServer.refused(dataDir, httpPort, ldapPort), snapshot + " holds no entries", wayOut);
        Files.move(aside.resolve("directory.ldif"), snapshot, StandardCopyOption.REPLACE_EXISTING);

        Path key = dataDir.resolve("keys/master.key");
        Files.move(key, aside.resolve("master.key"));
        assertRefused(
                RunningServer.refused(dataDir, httpPort, ldapPort), "the secret key " + key + " is missing", wayOut);
        String otherKey = Base64.getEncoder().encodeToString(new byte[32]);
        assertRefused(
                RunningServer.refused(dataDir, httpPort, ldapPort, "--sspr.secret-key=" + otherKey),
                "is not the one this installation had",
                wayOut);
        Files.move(aside.resolve("master.key"), key);

        Path database = dataDir.resolve("db/sspr.mv.db");
        Files.move(database, aside.resolve("sspr.mv.db"));
        assertRefused(RunningServer.refused(dataDir, httpPort, ldapPort), "is empty (it has no schema)", wayOut);

        // A deliberate fresh start of the database: the record goes, the server starts and records the new one.
        Files.delete(record);
        try (RunningServer fresh = RunningServer.start(dataDir, httpPort, ldapPort)) {
            assertThat(fresh.log()).contains("Embedded directory loaded").doesNotContain("seeded");
        }
        assertThat(Files.readString(record, java.nio.charset.StandardCharsets.UTF_8))
                .contains("database=", "embedded-directory=", "secret-key-fingerprint=");
    }

    @Test
    void anUnknownSettingOrTheDemoDirectoryOffLoopbackIsRefused() throws Exception {
        int httpPort = ServerJarIntegrationTests.freePort();
        int ldapPort = ServerJarIntegrationTests.freePort();
        assertRefused(
                RunningServer.refused(dataDir, httpPort, ldapPort, "--sspr.directory.ulr=ldaps://dc.example.org"),
                "sspr.directory.ulr (command line): unknown setting; did you mean sspr.directory.url?",
                "Correct or remove it");
        assertThat(dataDir).as("refused before anything was written").isEmptyDirectory();

        assertRefused(
                RunningServer.refused(
                        dataDir, httpPort, ldapPort, "--server.address=0.0.0.0", "--sspr.trusted-proxy=127.0.0.1"),
                "the embedded demo directory would serve",
                "Set sspr.directory.url to your directory");
    }

    private static void assertRefused(RunningServer.Refusal refusal, String problem, String action) {
        assertThat(refusal.exitCode()).as(refusal.output()).isNotZero();
        assertThat(refusal.output())
                .contains("Refusing to start: ")
                .contains(problem)
                .contains(action)
                .as("one clear line, no stack trace")
                .doesNotContain("\tat ");
    }
}
