package org.opensspr.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log in the state store ({@code audit_record}), tamper-evident without a global lock
 * on the request path:
 *
 * <ul>
 *   <li>{@link #record} inserts the event in the caller's transaction with {@code row_mac}, an
 *       HMAC-SHA256 under the {@link AuditKey} of its fields: an edited event no longer verifies,
 *       and nobody without the key can write one that does.
 *   <li>{@link #seal} (every second, on any node: {@link AuditSealer}) gives events that have none a chain position in
 *       the order it finds them and {@code chain_mac} = HMAC(previous chain_mac, position,
 *       row_mac), holding the {@code audit_head} row lock for that batch only; {@code audit_head}
 *       keeps the last position and MAC. A deleted, inserted or re-ordered sealed event breaks the
 *       chain; events not sealed yet (normally the last second's) are covered by their MAC only.
 *   <li>{@link #verify} checks all of it: the unkeyed SHA-256 chain of the events written before
 *       the key existed ({@code legacy_seq}), the keyed chain from there on, the head, the MAC
 *       of every event, and this node's {@link AuditAnchors} (outside the database): each must
 *       verify, name a chain MAC the chain has at its position, and the chain must reach the
 *       newest, so a cut tail is found even when {@code audit_head} was rewound with it.
 * </ul>
 *
 * <p>{@link #verify} reads the anchors, then the head, then the chain, without a transaction:
 * what is sealed meanwhile only lengthens the chain past what the head and the anchors saw.
 */
@Repository
class JdbcAuditLog implements AuditLog {

    static final String GENESIS = "0".repeat(64);
    /** Events sealed per transaction (the query below says 1000 too). */
    static final int SEAL_BATCH = 1000;

    private static final Logger log = LoggerFactory.getLogger(JdbcAuditLog.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transaction;
    private final AuditKey key;
    private final AuditAnchors anchors;
    private final AuditSearch search;

    JdbcAuditLog(
            JdbcClient jdbc,
            JdbcTemplate batch,
            PlatformTransactionManager transactionManager,
            AuditKey key,
            AuditAnchors anchors) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.transaction = new TransactionTemplate(transactionManager);
        this.key = key;
        this.anchors = anchors;
        this.search = new AuditSearch(jdbc, batch, transactionManager, key);
    }

    @Override
    public void record(AuditEvent event) {
        AuditEvent stored = truncated(event);
        jdbc.sql("""
                INSERT INTO audit_record (time_at, activity, result, actor, target, ip, client_type, details, row_mac)
                VALUES (:time, :activity, :result, :actor, :target, :ip, :clientType, :details, :mac)""")
                .param("time", stored.time().toEpochMilli())
                .param("activity", stored.activity())
                .param("result", stored.result().name())
                .param("actor", stored.actor())
                .param("target", stored.target())
                .param("ip", stored.ip())
                .param("clientType", stored.clientType().name())
                .param("details", stored.details())
                .param("mac", rowMac(stored))
                .update();
    }

    /** Seals every event that has no chain position yet, in batches; returns how many it sealed. */
    int sealPending() {
        int total = 0;
        int sealed;
        do {
            sealed = seal();
            total += sealed;
        } while (sealed == SEAL_BATCH);
        return total;
    }

    /** Seals up to {@value #SEAL_BATCH} events in one transaction under the {@code audit_head} row lock. */
    int seal() {
        Integer sealed = transaction.execute(status -> {
            Map<String, Object> head = jdbc.sql("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE")
                    .query()
                    .singleRow();
            long position = ((Number) head.get("seq")).longValue();
            String previous = ((String) head.get("hash")).trim();
            List<Object[]> links = new ArrayList<>();
            for (Map<String, Object> row : jdbc.sql("""
                            SELECT id, row_mac FROM audit_record WHERE chain_pos IS NULL AND legacy_seq IS NULL
                            ORDER BY id FETCH FIRST 1000 ROWS ONLY""").query().listOfRows()) {
                position++;
                previous = link(previous, position, ((String) row.get("row_mac")).trim());
                links.add(new Object[] {position, previous, ((Number) row.get("id")).longValue()});
            }
            if (links.isEmpty()) {
                return 0;
            }
            batch.batchUpdate("UPDATE audit_record SET chain_pos = ?, chain_mac = ? WHERE id = ?", links);
            jdbc.sql("UPDATE audit_head SET seq = :seq, hash = :hash WHERE id = 1")
                    .param("seq", position)
                    .param("hash", previous)
                    .update();
            return links.size();
        });
        return sealed == null ? 0 : sealed;
    }

    /** The last sealed position and its chain MAC ({@code audit_head}); position 0 before the first seal. */
    Head head() {
        Map<String, Object> head = jdbc.sql("SELECT seq, hash FROM audit_head WHERE id = 1")
                .query()
                .singleRow();
        return new Head(((Number) head.get("seq")).longValue(), ((String) head.get("hash")).trim());
    }

    record Head(long position, String chainMac) {}

    /** This node's anchor file. */
    AuditAnchors anchors() {
        return anchors;
    }

    @Override
    public AuditPage search(AuditQuery query) {
        return search.page(query);
    }

    @Override
    public void export(AuditFilter filter, EventSink each) throws IOException {
        search.export(filter, each);
    }

    @Override
    public ChainVerification verify() {
        ChainVerifier verifier = new ChainVerifier(this);
        verifier.anchors(readAnchors());
        verifier.head(head());
        jdbc.sql("SELECT * FROM audit_record WHERE legacy_seq IS NOT NULL ORDER BY legacy_seq")
                .query(verifier::legacy);
        verifier.startKeyedChain();
        jdbc.sql("SELECT * FROM audit_record WHERE chain_pos IS NOT NULL ORDER BY chain_pos")
                .query(verifier::sealed);
        verifier.endKeyedChain();
        jdbc.sql("SELECT * FROM audit_record WHERE chain_pos IS NULL AND legacy_seq IS NULL ORDER BY id")
                .query(verifier::unsealed);
        ChainVerification result = verifier.result();
        if (!result.intact()) {
            log.error("The audit log does not verify at event {}: {}", result.firstBrokenId(), result.problem());
        }
        return result;
    }

    /** The anchor file's contents, or null when it cannot be read (the verifier reports that). */
    private AuditAnchors.Contents readAnchors() {
        try {
            return anchors.read();
        } catch (IOException e) {
            log.warn("Cannot read the audit anchors {}: {}", anchors.file(), e.toString());
            return null;
        }
    }

    String rowMac(AuditEvent event) {
        return key.mac(String.join(
                "\u001f",
                "event-v2",
                Long.toString(event.time().toEpochMilli()),
                event.activity(),
                event.result().name(),
                event.actor(),
                event.target(),
                event.ip(),
                event.clientType().name(),
                event.details()));
    }

    String link(String previous, long position, String rowMac) {
        return key.mac(String.join("\u001f", "link-v2", previous, Long.toString(position), rowMac));
    }

    /** The unkeyed SHA-256 chain of the events written before V6 (kept so they still verify). */
    static String legacyHash(String previous, long seq, AuditEvent event) {
        String canonical = String.join(
                "\u001f",
                previous,
                Long.toString(seq),
                Long.toString(event.time().toEpochMilli()),
                event.activity(),
                event.result().name(),
                event.actor(),
                event.target(),
                event.ip(),
                event.clientType().name(),
                event.details());
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    static AuditEvent event(ResultSet rs) throws SQLException {
        return new AuditEvent(
                Instant.ofEpochMilli(rs.getLong("time_at")),
                rs.getString("activity"),
                AuditResult.valueOf(rs.getString("result")),
                rs.getString("actor"),
                rs.getString("target"),
                rs.getString("ip"),
                ClientType.valueOf(rs.getString("client_type")),
                rs.getString("details"));
    }

    /** The event as stored: the columns' lengths cut long values, and the MAC covers what is stored. */
    private static AuditEvent truncated(AuditEvent event) {
        return new AuditEvent(
                event.time(),
                event.activity(),
                event.result(),
                truncate(event.actor(), 256),
                truncate(event.target(), 256),
                truncate(event.ip(), 64),
                event.clientType(),
                truncate(event.details(), 4000));
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
