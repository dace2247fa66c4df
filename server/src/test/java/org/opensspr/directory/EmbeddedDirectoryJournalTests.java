package org.opensspr.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedRequest;
import com.unboundid.ldap.sdk.extensions.StartTransactionExtendedRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded directory's snapshot and journal, through LDAP as any client writes. */
class EmbeddedDirectoryJournalTests {

    private static final Path SEED = Path.of("src/test/resources/ldap/test-org.ldif");
    private static final String BASE = "dc=test,dc=example";
    private static final String DAVE = "uid=dave,ou=people," + BASE;

    @TempDir
    Path folder;

    private EmbeddedDirectoryServer start(long compactionBytes) {
        return EmbeddedDirectoryServer.start(folder, BASE, 0, SEED.toAbsolutePath(), compactionBytes);
    }

    private EmbeddedDirectoryServer start() {
        return start(EmbeddedDirectoryServer.COMPACTION_BYTES);
    }

    private static LDAPConnection manager(EmbeddedDirectoryServer server) throws LDAPException {
        return new LDAPConnection(
                "127.0.0.1", server.port(), EmbeddedDirectoryServer.MANAGER_DN, server.managerPassword());
    }

    private static List<Entry> everything(EmbeddedDirectoryServer server) throws LDAPException {
        try (LDAPConnection connection = manager(server)) {
            return List.copyOf(connection
                            .search(BASE, SearchScope.SUB, "(objectClass=*)", "*", "+")
                            .getSearchEntries())
                    .stream()
                    .map(e -> new Entry(e.getDN(), e.getAttributes()))
                    .toList();
        }
    }

    private static void bindsAs(EmbeddedDirectoryServer server, String dn, String password) throws LDAPException {
        try (LDAPConnection connection = new LDAPConnection("127.0.0.1", server.port())) {
            assertThat(connection.bind(dn, password).getResultCode()).isEqualTo(ResultCode.SUCCESS);
        }
    }

    @Test
    void everyKindOfWriteIsReplayedExactlyHashedPasswordsAndOperationalAttributesIncluded() throws Exception {
        List<Entry> before;
        try (EmbeddedDirectoryServer server = start();
                LDAPConnection connection = manager(server)) {
            connection.add("dn: ou=staff," + BASE, "objectClass: organizationalUnit", "ou: staff");
            connection.add(
                    "dn: uid=erin,ou=staff," + BASE,
                    "objectClass: inetOrgPerson",
                    "uid: erin",
                    "cn: Erin",
                    "sn: Test",
                    "userPassword: erin-first");
            connection.add("dn: uid=gone,ou=people," + BASE, "objectClass: account", "uid: gone");
            connection.delete("uid=gone,ou=people," + BASE);
            connection.modify(DAVE, new Modification(ModificationType.REPLACE, "mail", "dave@elsewhere.example"));
            connection.processExtendedOperation(new PasswordModifyExtendedRequest(DAVE, null, "Dave-new-1"));
            connection.modifyDN("ou=staff," + BASE, "ou=team", true);
            connection.processExtendedOperation(
                    new PasswordModifyExtendedRequest("uid=erin,ou=team," + BASE, null, "Erin-new-1"));
            before = everything(server);
        }
        String journal = Files.readString(folder.resolve("directory.journal"), StandardCharsets.UTF_8);
        assertThat(journal).contains("userPassword: {SSHA256}").doesNotContain("Dave-new-1", "Erin-new-1");

        try (EmbeddedDirectoryServer server = start()) {
            assertThat(everything(server)).containsExactlyElementsOf(before);
            bindsAs(server, DAVE, "Dave-new-1");
            bindsAs(server, "uid=erin,ou=team," + BASE, "Erin-new-1");
        }
        assertThat(folder.resolve("directory.journal"))
                .as("start-up compacted it, and nothing came after")
                .isEmptyFile();
        assertThat(Files.readString(folder.resolve("directory.ldif"), StandardCharsets.UTF_8))
                .contains("dn: uid=erin,ou=team," + BASE)
                .doesNotContain("ou=staff", "uid=gone");
    }

    @Test
    void concurrentWritersToOneEntryEndInTheStateTheyWereLastAcknowledgedIn() throws Exception {
        List<Entry> acknowledged;
        EmbeddedDirectoryServer crashed = start();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    try (LDAPConnection connection = manager(crashed)) {
                        for (int i = 0; i < 40; i++) {
                            connection.modify(
                                    DAVE,
                                    new Modification(ModificationType.REPLACE, "description", thread + "-" + i),
                                    new Modification(
                                            ModificationType.ADD,
                                            "telephoneNumber",
                                            String.format(Locale.ROOT, "+31 6 %02d%02d", thread, i)));
                            connection.processExtendedOperation(
                                    new PasswordModifyExtendedRequest(DAVE, null, "pw-" + thread + "-" + i));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(2, TimeUnit.MINUTES);
            }
            acknowledged = everything(crashed);
            // Not closed: the next start finds the journal as a crash would leave it.
            try (EmbeddedDirectoryServer restarted = start()) {
                assertThat(everything(restarted)).containsExactlyElementsOf(acknowledged);
                assertThat(acknowledged.stream()
                                .filter(e -> e.getDN().equals(DAVE))
                                .findFirst()
                                .orElseThrow()
                                .getAttributeValues("telephoneNumber"))
                        .hasSize(8 * 40);
            }
        } finally {
            pool.shutdown();
            crashed.close();
        }
    }

    @Test
    void backgroundCompactionRotatesTheJournalAndKeepsEveryChange() throws Exception {
        List<Entry> before;
        try (EmbeddedDirectoryServer server = start(4_096);
                LDAPConnection connection = manager(server)) {
            for (int i = 0; i < 200; i++) {
                connection.modify(DAVE, new Modification(ModificationType.ADD, "description", "change " + i));
                if (i == 20) {
                    awaitCompactions(server, 1);
                }
            }
            awaitCompactions(server, 2);
            before = everything(server);
        }
        assertThat(folder.resolve("directory.journal.1")).doesNotExist();
        try (EmbeddedDirectoryServer server = start()) {
            assertThat(everything(server)).containsExactlyElementsOf(before);
            assertThat(before.stream()
                            .filter(e -> e.getDN().equals(DAVE))
                            .findFirst()
                            .orElseThrow()
                            .getAttributeValues("description"))
                    .hasSize(200);
        }
    }

    private static void awaitCompactions(EmbeddedDirectoryServer server, long count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (server.compactions() < count) {
            assertThat(System.nanoTime()).as("compaction %d within 30 s", count).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void aRotatedJournalLeftByAnUnfinishedCompactionIsReplayedBeforeTheJournal() throws Exception {
        try (EmbeddedDirectoryServer server = start();
                LDAPConnection connection = manager(server)) {
            connection.modify(DAVE, new Modification(ModificationType.REPLACE, "description", "older"));
        }
        Files.move(folder.resolve("directory.journal"), folder.resolve("directory.journal.1"));
        Files.write(
                folder.resolve("directory.journal"),
                JournalFrames.frame(Files.readString(folder.resolve("directory.journal.1"), StandardCharsets.UTF_8)
                        .replaceAll("(?s)^#unit [^\n]*\n(.*)#end\n$", "$1")
                        .replace("description: older", "description: newer")
                        .getBytes(StandardCharsets.UTF_8)));

        try (EmbeddedDirectoryServer server = start();
                LDAPConnection connection = manager(server)) {
            assertThat(connection.getEntry(DAVE).getAttributeValue("description"))
                    .isEqualTo("newer");
        }
        assertThat(folder.resolve("directory.journal.1")).doesNotExist();
    }

    @Test
    void aJournalWithoutASnapshotStopsTheStartInsteadOfReseeding() throws Exception {
        start().close();
        Files.delete(folder.resolve("directory.ldif"));

        assertThatThrownBy(this::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds a journal but no snapshot");
    }

    @Test
    void aSnapshotOfTheFormerFormatLoadsAndItsOperationalAttributesAreGeneratedOnce() throws Exception {
        start().close();
        String former = String.join(
                "\n",
                "dn: " + BASE,
                "objectClass: top",
                "objectClass: domain",
                "dc: test",
                "",
                "dn: ou=people," + BASE,
                "objectClass: organizationalUnit",
                "ou: people",
                "",
                "dn: " + DAVE,
                "objectClass: account",
                "uid: dave",
                "");
        Files.writeString(folder.resolve("directory.ldif"), former, StandardCharsets.UTF_8);
        Files.delete(folder.resolve("directory.journal"));

        String uuid;
        try (EmbeddedDirectoryServer server = start();
                LDAPConnection connection = manager(server)) {
            uuid = connection.getEntry(DAVE, "entryUUID").getAttributeValue("entryUUID");
            connection.modify(DAVE, new Modification(ModificationType.REPLACE, "description", "kept"));
        }
        try (EmbeddedDirectoryServer server = start();
                LDAPConnection connection = manager(server)) {
            Entry dave = connection.getEntry(DAVE, "description", "entryUUID");
            assertThat(dave.getAttributeValue("description")).isEqualTo("kept");
            assertThat(dave.getAttributeValue("entryUUID")).isEqualTo(uuid);
        }
    }

    @Test
    void writesTheJournalCannotKeepAreRefused() throws Exception {
        try (EmbeddedDirectoryServer server = start();
                LDAPConnection connection = manager(server)) {
            ResultCode transaction;
            try {
                transaction = connection
                        .processExtendedOperation(new StartTransactionExtendedRequest())
                        .getResultCode();
            } catch (LDAPException e) {
                transaction = e.getResultCode();
            }
            assertThat(transaction).as("LDAP transactions are not offered").isNotEqualTo(ResultCode.SUCCESS);
            assertThatThrownBy(() -> connection.modify(
                            "cn=schema", new Modification(ModificationType.ADD, "description", "not kept")))
                    .isInstanceOf(LDAPException.class)
                    .extracting(e -> ((LDAPException) e).getResultCode())
                    .isEqualTo(ResultCode.UNWILLING_TO_PERFORM);
        }
    }
}
