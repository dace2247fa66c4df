package org.opensspr.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensspr.ThrowawayPostgres;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log on both state stores, with the real migrations: H2 (embedded default) and
 * PostgreSQL (scale-out). Events are appended without a global lock and sealed into a keyed
 * chain; the verifier finds an edit, a deletion, a forged event and a cut tail.
 */
class JdbcAuditLogIntegrationTests {

    private static final AuditKey KEY = new AuditKey(new byte[32]);
    private static final Instant T = Instant.parse("2026-11-27T10:00:00Z");
    private static ThrowawayPostgres postgres;

    @TempDir
    static Path anchorFolder;

    @BeforeAll
    static void createPostgres() {
        postgres = new ThrowawayPostgres();
    }

    @AfterAll
    static void dropPostgres() {
        postgres.close();
    }

    static List<String> stores() {
        return List.of("h2", "postgresql");
    }

    private static DataSource dataSource(String store) {
        return store.equals("h2")
                ? new DriverManagerDataSource("jdbc:h2:mem:audit" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "")
                : new DriverManagerDataSource(postgres.url(), postgres.user(), "");
    }

    private static Flyway flyway(DataSource dataSource, String target) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .cleanDisabled(false)
                .target(target)
                .load();
    }

    /** A migrated store with an empty log (PostgreSQL is one database for the class: cleaned first). */
    private static DataSource migrated(String store) {
        DataSource dataSource = dataSource(store);
        Flyway flyway = flyway(dataSource, "latest");
        flyway.clean();
        flyway.migrate();
        return dataSource;
    }

    /** A node's log: the store, and an anchor file of its own (none written yet). */
    private static JdbcAuditLog log(DataSource dataSource) {
        return log(dataSource, anchorFile());
    }

    private static JdbcAuditLog log(DataSource dataSource, Path anchors) {
        return new JdbcAuditLog(
                JdbcClient.create(dataSource),
                new JdbcTemplate(dataSource),
                new DataSourceTransactionManager(dataSource),
                KEY,
                new AuditAnchors(anchors, KEY));
    }

    private static Path anchorFile() {
        return anchorFolder.resolve("anchors-" + System.nanoTime());
    }

    /** The node's sealer, with a clock and a ticker that only move when a test moves them. */
    private static AuditSealer sealer(JdbcAuditLog log, AtomicLong nanos) {
        return new AuditSealer(log, Clock.fixed(T, ZoneOffset.UTC), nanos::get);
    }

    private static AuditSealer sealer(JdbcAuditLog log) {
        return sealer(log, new AtomicLong());
    }

    private static AuditEvent event(int i) {
        return new AuditEvent(
                T.plusSeconds(i),
                Activity.RESET_PASSWORD,
                AuditResult.Success,
                "u" + i,
                "u" + i,
                "::1",
                ClientType.Browser,
                "");
    }

    @ParameterizedTest
    @MethodSource("stores")
    void pagesFollowTheirCursorsToEveryEventOnceAndTheExportStreamsThemAll(String store) throws Exception {
        JdbcAuditLog log = log(migrated(store));
        for (int i = 1; i <= 7; i++) {
            log.record(event(i));
        }
        AuditFilter filter = new AuditFilter(null, null, null, null, Activity.RESET_PASSWORD, null, null, null);
        List<String> paged = new ArrayList<>();
        AuditPage page = log.search(AuditQuery.first(filter, 3));
        paged.addAll(page.events().stream().map(AuditEvent::target).toList());
        log.record(event(8)); // newer than the first page: never in a later one
        while (page.next() != null) {
            page = log.search(new AuditQuery(filter, 3, page.next()));
            paged.addAll(page.events().stream().map(AuditEvent::target).toList());
        }
        assertThat(paged).containsExactly("u7", "u6", "u5", "u4", "u3", "u2", "u1");
        assertThat(log.search(AuditQuery.first(filter, 8)).next())
                .as("a page that holds the rest has no next")
                .isNull();

        String next = log.search(AuditQuery.first(filter, 3)).next();
        AuditFilter other = new AuditFilter(null, null, "u1", null, null, null, null, null);
        assertThatThrownBy(() -> log.search(new AuditQuery(other, 3, next)))
                .as("a cursor is bound to its filter")
                .isInstanceOf(InvalidAuditCursor.class);
        String edited = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("1" + new String(Base64.getUrlDecoder().decode(next), StandardCharsets.US_ASCII))
                        .getBytes(StandardCharsets.US_ASCII));
        for (String bad : List.of(edited, "not a cursor", "bm8tZG90", next + "A")) {
            assertThatThrownBy(() -> log.search(new AuditQuery(filter, 3, bad)))
                    .as(bad)
                    .isInstanceOf(InvalidAuditCursor.class);
        }

        List<String> exported = new ArrayList<>();
        log.export(filter, e -> exported.add(e.target()));
        assertThat(exported).containsExactly("u8", "u7", "u6", "u5", "u4", "u3", "u2", "u1");
        IOException cut = new IOException("client went away");
        assertThatThrownBy(() -> log.export(filter, e -> {
                    throw cut;
                }))
                .as("what the sink throws ends the export")
                .isSameAs(cut);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void recordedEventsComeBackNewestFirstAndFiltered(String store) {
        JdbcAuditLog log = log(migrated(store));
        log.record(new AuditEvent(
                T,
                Activity.FLOW_PROGRESS,
                AuditResult.Success,
                "anonymous",
                "alice",
                "10.0.0.1",
                ClientType.Browser,
                "User submitted their user ID"));
        log.record(new AuditEvent(
                T.plusSeconds(1),
                Activity.RESET_PASSWORD,
                AuditResult.Success,
                "alice",
                "alice",
                "10.0.0.1",
                ClientType.LogonScreen,
                ""));
        log.record(new AuditEvent(
                T.plusSeconds(2),
                Activity.FLOW_PROGRESS,
                AuditResult.Failure,
                "anonymous",
                "bob",
                "10.0.0.2",
                ClientType.Api,
                "User ID not found"));

        assertThat(log.search(AuditQuery.first(AuditFilter.ALL, 100)).events())
                .extracting(AuditEvent::target)
                .containsExactly("bob", "alice", "alice");
        assertThat(log.search(AuditQuery.first(
                                new AuditFilter(null, null, "ALICE", null, Activity.RESET_PASSWORD, null, null, null),
                                10))
                        .events())
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.clientType()).isEqualTo(ClientType.LogonScreen);
                    assertThat(e.ip()).isEqualTo("10.0.0.1");
                });
        assertThat(log.search(AuditQuery.first(
                                new AuditFilter(T.plusSeconds(1), T.plusSeconds(2), null, null, null, null, null, null),
                                10))
                        .events())
                .extracting(AuditEvent::activity)
                .containsExactly(Activity.RESET_PASSWORD);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void sealedAndUnsealedEventsVerify(String store) {
        JdbcAuditLog log = log(migrated(store));
        for (int i = 0; i < 5; i++) {
            log.record(event(i));
        }
        assertThat(log.verify()).isEqualTo(new ChainVerification(5, 0, 5, null, null, 0, null));
        assertThat(log.sealPending()).isEqualTo(5);
        log.record(event(5));
        ChainVerification verified = log.verify();
        assertThat(verified.intact()).as(verified.toString()).isTrue();
        assertThat(verified.sealed()).isEqualTo(5);
        assertThat(verified.unsealed()).isEqualTo(1);
        assertThat(log.sealPending()).isEqualTo(1);
        assertThat(log.verify().sealed()).isEqualTo(6);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void anEditedEventIsFoundSealedOrNot(String store) {
        DataSource dataSource = migrated(store);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        JdbcAuditLog log = log(dataSource);
        for (int i = 0; i < 3; i++) {
            log.record(event(i));
        }
        log.sealPending();
        log.record(event(3));
        long sealedId = idOf(jdbc, "u1");
        jdbc.sql("UPDATE audit_record SET result = 'Failure' WHERE id = :id")
                .param("id", sealedId)
                .update();
        assertThat(log.verify().firstBrokenId()).isEqualTo(sealedId);
        assertThat(log.verify().problem()).contains("changed");

        jdbc.sql("UPDATE audit_record SET result = 'Success' WHERE id = :id")
                .param("id", sealedId)
                .update();
        long unsealedId = idOf(jdbc, "u3");
        jdbc.sql("UPDATE audit_record SET details = 'nothing happened' WHERE id = :id")
                .param("id", unsealedId)
                .update();
        assertThat(log.verify().firstBrokenId()).isEqualTo(unsealedId);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aDeletedEventBreaksTheChainAndACutTailIsFoundAtTheHead(String store) {
        DataSource dataSource = migrated(store);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        JdbcAuditLog log = log(dataSource);
        for (int i = 0; i < 4; i++) {
            log.record(event(i));
        }
        log.sealPending();
        jdbc.sql("DELETE FROM audit_record WHERE id = :id")
                .param("id", idOf(jdbc, "u1"))
                .update();
        assertThat(log.verify().firstBrokenId()).isEqualTo(idOf(jdbc, "u2"));

        DataSource second = migrated(store);
        JdbcClient other = JdbcClient.create(second);
        JdbcAuditLog cut = log(second);
        for (int i = 0; i < 4; i++) {
            cut.record(event(i));
        }
        cut.sealPending();
        other.sql("DELETE FROM audit_record WHERE id = :id")
                .param("id", idOf(other, "u3"))
                .update();
        ChainVerification tail = cut.verify();
        assertThat(tail.intact()).isFalse();
        assertThat(tail.problem()).contains("head");
    }

    @ParameterizedTest
    @MethodSource("stores")
    void anEventWrittenWithoutTheKeyDoesNotVerify(String store) {
        DataSource dataSource = migrated(store);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        JdbcAuditLog log = log(dataSource);
        log.record(event(0));
        JdbcAuditLog forger = new JdbcAuditLog(
                jdbc,
                new JdbcTemplate(dataSource),
                new DataSourceTransactionManager(dataSource),
                new AuditKey(new byte[] {
                    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27,
                    28, 29, 30, 31, 32
                }),
                new AuditAnchors(anchorFile(), KEY));
        forger.record(event(1));
        log.sealPending();
        assertThat(log.verify().firstBrokenId()).isEqualTo(idOf(jdbc, "u1"));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void appendsDoNotWaitForAnotherTransactionsOpenEvent(String store) throws Exception {
        DataSource dataSource = migrated(store);
        JdbcAuditLog log = log(dataSource);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        CountDownLatch recorded = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> slow = threads.submit(() -> transaction.executeWithoutResult(status -> {
                log.record(event(0));
                recorded.countDown();
                await(release);
            }));
            assertThat(recorded.await(10, TimeUnit.SECONDS)).isTrue();
            // With one lock for all writers this append would wait until the slow transaction ends.
            Future<?> quick = threads.submit(() -> transaction.executeWithoutResult(status -> log.record(event(1))));
            quick.get(10, TimeUnit.SECONDS);
            release.countDown();
            slow.get(10, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
        log.sealPending();
        assertThat(log.verify()).satisfies(v -> {
            assertThat(v.intact()).as(v.toString()).isTrue();
            assertThat(v.sealed()).isEqualTo(2);
        });
    }

    @ParameterizedTest
    @MethodSource("stores")
    void eventsWrittenBeforeTheKeyStillVerifyAndTheKeyedChainContinuesFromThem(String store) {
        DataSource dataSource = dataSource(store);
        Flyway before = flyway(dataSource, "5");
        before.clean();
        before.migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        String previous = JdbcAuditLog.GENESIS;
        for (int seq = 1; seq <= 3; seq++) {
            AuditEvent event = event(seq);
            String hash = JdbcAuditLog.legacyHash(previous, seq, event);
            jdbc.sql("""
                    INSERT INTO audit_event (seq, time_at, activity, result, actor, target, ip, client_type, details,
                        prev_hash, hash)
                    VALUES (:seq, :time, :activity, 'Success', :actor, :target, '::1', 'Browser', '', :prev, :hash)""")
                    .param("seq", seq)
                    .param("time", event.time().toEpochMilli())
                    .param("activity", event.activity())
                    .param("actor", event.actor())
                    .param("target", event.target())
                    .param("prev", previous)
                    .param("hash", hash)
                    .update();
            previous = hash;
        }
        jdbc.sql("UPDATE audit_head SET seq = 3, hash = :hash WHERE id = 1")
                .param("hash", previous)
                .update();
        flyway(dataSource, "latest").migrate();

        JdbcAuditLog log = log(dataSource);
        log.record(event(4));
        log.sealPending();
        ChainVerification verified = log.verify();
        assertThat(verified.intact()).as(verified.toString()).isTrue();
        assertThat(verified.checked()).isEqualTo(4);
        assertThat(log.search(AuditQuery.first(AuditFilter.ALL, 100)).events())
                .extracting(AuditEvent::target)
                .containsExactly("u4", "u3", "u2", "u1");

        jdbc.sql("UPDATE audit_record SET actor = 'mallory' WHERE legacy_seq = 2")
                .update();
        assertThat(log.verify().firstBrokenId()).isEqualTo(idOf(jdbc, "u2"));
    }

    /**
     * Someone with write access to the database deletes the newest events and rewinds
     * {@code audit_head} to the last one left: the database alone is consistent again (a log without
     * anchors verifies, with a warning), but the node's anchor names a position the chain lost.
     */
    @ParameterizedTest
    @MethodSource("stores")
    void aCutTailWithTheHeadRewoundToMatchIsFoundByTheAnchor(String store) {
        DataSource dataSource = migrated(store);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        JdbcAuditLog log = log(dataSource);
        for (int i = 0; i < 4; i++) {
            log.record(event(i));
        }
        log.sealPending();
        assertThat(sealer(log).anchor()).isTrue();
        assertThat(log.verify()).satisfies(v -> {
            assertThat(v.intact()).as(v.toString()).isTrue();
            assertThat(v.anchors()).isEqualTo(1);
            assertThat(v.warning()).isNull();
        });

        cutTailAndRewindHead(jdbc, 2);

        ChainVerification cut = log.verify();
        assertThat(cut.intact()).isFalse();
        assertThat(cut.firstBrokenId()).isNull();
        assertThat(cut.problem())
                .contains("the chain ends at position 2")
                .contains("says it reached 4")
                .contains(log.anchors().file().toString());
        ChainVerification withoutAnchors = log(dataSource).verify();
        assertThat(withoutAnchors.intact())
                .as("the database alone hides the cut: " + withoutAnchors)
                .isTrue();
        assertThat(withoutAnchors.warning()).contains("no anchor file");
    }

    @ParameterizedTest
    @MethodSource("stores")
    void anEmptiedLogWithItsHeadResetIsFoundByTheAnchor(String store) {
        DataSource dataSource = migrated(store);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        JdbcAuditLog log = log(dataSource);
        log.record(event(0));
        log.sealPending();
        sealer(log).anchor();

        cutTailAndRewindHead(jdbc, 0);

        assertThat(log.verify().problem())
                .contains("the chain ends at position 0")
                .contains("says it reached 1");
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aForgedOrEditedAnchorLineIsFound(String store) throws Exception {
        DataSource dataSource = migrated(store);
        JdbcAuditLog log = log(dataSource);
        log.record(event(0));
        log.sealPending();
        sealer(log).anchor();
        Path file = log.anchors().file();
        String genuine = Files.readString(file, StandardCharsets.UTF_8);
        String[] fields = genuine.trim().split(" ");

        // A line that claims more than happened, with a MAC made up without the key.
        Files.writeString(
                file,
                fields[0] + " 9 " + fields[2] + " " + "ab".repeat(32) + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        assertThat(log.verify()).satisfies(v -> {
            assertThat(v.intact()).isFalse();
            assertThat(v.problem()).contains("line 2 of the anchor file").contains("does not verify");
        });

        // The genuine line with its position changed.
        Files.writeString(file, genuine.replace(" 1 ", " 2 "), StandardCharsets.UTF_8);
        assertThat(log.verify().problem()).contains("line 1 of the anchor file");

        // A line written with the key that names a chain MAC the chain does not have (a rewritten log).
        Files.writeString(file, genuine, StandardCharsets.UTF_8);
        log.anchors().append(T, 1, "cd".repeat(32));
        assertThat(log.verify()).satisfies(v -> {
            assertThat(v.firstBrokenId()).isNotNull();
            assertThat(v.problem()).contains("names another chain MAC for position 1");
        });
    }

    /** Two nodes on one database: each anchors the head the other moved, and each file finds a cut tail. */
    @ParameterizedTest
    @MethodSource("stores")
    void everyNodeAnchorsTheSharedChainAndFindsACutTail(String store) {
        DataSource dataSource = migrated(store);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        JdbcAuditLog first = log(dataSource);
        JdbcAuditLog second = log(dataSource);
        AtomicLong secondTicker = new AtomicLong();
        AuditSealer secondSealer = sealer(second, secondTicker);
        assertThat(secondSealer.anchorIfDue(0)).as("nothing sealed yet").isFalse();

        first.record(event(0));
        first.record(event(1));
        first.sealPending();
        assertThat(sealer(first).anchor()).isTrue();
        assertThat(secondSealer.anchorIfDue(0))
                .as("the head another node moved is read once per spacing")
                .isFalse();
        secondTicker.addAndGet(AuditSealer.SPACING.toNanos());
        assertThat(secondSealer.anchorIfDue(0)).isTrue();
        assertThat(first.verify().intact()).isTrue();
        assertThat(second.verify().anchors()).isEqualTo(1);

        cutTailAndRewindHead(jdbc, 1);

        assertThat(first.verify().problem()).contains("says it reached 2");
        assertThat(second.verify().problem()).contains("says it reached 2");
    }

    @Test
    void aNodeAnchorsRightAfterASealThenAtMostOncePerSpacing() {
        DataSource dataSource = migrated("h2");
        JdbcAuditLog log = log(dataSource);
        AtomicLong ticker = new AtomicLong();
        AuditSealer sealer = sealer(log, ticker);
        log.record(event(0));
        assertThat(sealer.anchorIfDue(log.sealPending())).isTrue();
        log.record(event(1));
        ticker.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(sealer.anchorIfDue(log.sealPending())).isFalse();
        ticker.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(sealer.anchorIfDue(0)).as("the seal a second ago").isTrue();
        ticker.addAndGet(Duration.ofMinutes(5).toNanos());
        assertThat(sealer.anchorIfDue(0)).as("the head did not move").isFalse();
        assertThat(log.verify()).satisfies(v -> {
            assertThat(v.intact()).as(v.toString()).isTrue();
            assertThat(v.anchors()).isEqualTo(2);
        });
    }

    @Test
    void anAnchorFileThatCannotBeWrittenLeavesSealingToGoOn() throws Exception {
        DataSource dataSource = migrated("h2");
        Path notAFolder = anchorFolder.resolve("file-" + System.nanoTime());
        Files.writeString(notAFolder, "", StandardCharsets.UTF_8);
        JdbcAuditLog log = log(dataSource, notAFolder.resolve("anchors"));
        log.record(event(0));
        assertThat(sealer(log).anchorIfDue(log.sealPending())).isFalse();
        assertThat(log.verify()).satisfies(v -> {
            assertThat(v.sealed()).isEqualTo(1);
            assertThat(v.intact()).as("an unreadable anchor file is reported").isFalse();
            assertThat(v.problem()).contains("cannot be read");
        });
    }

    /** Deletes every sealed event after {@code keep} and rewinds the head to the last one kept. */
    private static void cutTailAndRewindHead(JdbcClient jdbc, long keep) {
        String hash = keep == 0
                ? JdbcAuditLog.GENESIS
                : jdbc.sql("SELECT chain_mac FROM audit_record WHERE chain_pos = :keep")
                        .param("keep", keep)
                        .query(String.class)
                        .single()
                        .trim();
        jdbc.sql("DELETE FROM audit_record WHERE chain_pos > :keep")
                .param("keep", keep)
                .update();
        jdbc.sql("UPDATE audit_head SET seq = :keep, hash = :hash WHERE id = 1")
                .param("keep", keep)
                .param("hash", hash)
                .update();
    }

    private static long idOf(JdbcClient jdbc, String target) {
        return jdbc.sql("SELECT id FROM audit_record WHERE target = :target")
                .param("target", target)
                .query(Long.class)
                .single();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
