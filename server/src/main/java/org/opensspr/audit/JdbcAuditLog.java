package org.opensspr.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
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
 *   <li>{@link #seal} (every second, on any node) gives events that have none a chain position in
 *       the order it finds them and {@code chain_mac} = HMAC(previous chain_mac, position,
 *       row_mac), holding the {@code audit_head} row lock for that batch only; {@code audit_head}
 *       keeps the last position and MAC. A deleted, inserted or re-ordered sealed event breaks the
 *       chain; events not sealed yet (normally the last second's) are covered by their MAC only.
 *   <li>{@link #verify} checks all of it: the unkeyed SHA-256 chain of the events written before
 *       the key existed ({@code legacy_seq}), the keyed chain from there on, the head, and the MAC
 *       of every event.
 * </ul>
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

    JdbcAuditLog(JdbcClient jdbc, JdbcTemplate batch, PlatformTransactionManager transactionManager, AuditKey key) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.transaction = new TransactionTemplate(transactionManager);
        this.key = key;
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
    @Scheduled(fixedDelay = 1_000, initialDelay = 1_000)
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

    @Override
    public List<AuditEvent> search(AuditQuery query) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_record WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (query.target() != null) {
            sql.append(" AND LOWER(target) = LOWER(:target)");
            params.put("target", query.target());
        }
        if (query.activity() != null) {
            sql.append(" AND activity = :activity");
            params.put("activity", query.activity());
        }
        if (query.from() != null) {
            sql.append(" AND time_at >= :from");
            params.put("from", query.from().toEpochMilli());
        }
        if (query.to() != null) {
            sql.append(" AND time_at < :to");
            params.put("to", query.to().toEpochMilli());
        }
        sql.append(" ORDER BY id DESC FETCH FIRST ").append(query.limit()).append(" ROWS ONLY");
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> event(rs))
                .list();
    }

    @Override
    public ChainVerification verify() {
        Verifier verifier = new Verifier();
        jdbc.sql("SELECT * FROM audit_record WHERE legacy_seq IS NOT NULL ORDER BY legacy_seq")
                .query(verifier::legacy);
        verifier.startKeyedChain();
        jdbc.sql("SELECT * FROM audit_record WHERE chain_pos IS NOT NULL ORDER BY chain_pos")
                .query(verifier::sealed);
        Map<String, Object> head = jdbc.sql("SELECT seq, hash FROM audit_head WHERE id = 1")
                .query()
                .singleRow();
        verifier.head(((Number) head.get("seq")).longValue(), ((String) head.get("hash")).trim());
        jdbc.sql("SELECT * FROM audit_record WHERE chain_pos IS NULL AND legacy_seq IS NULL ORDER BY id")
                .query(verifier::unsealed);
        ChainVerification result = verifier.result();
        if (!result.intact()) {
            log.error("The audit log does not verify at event {}: {}", result.firstBrokenId(), result.problem());
        }
        return result;
    }

    /** Walks the log in chain order and remembers the first thing that does not verify. */
    private final class Verifier {

        private String previous = GENESIS;
        private long position;
        private long checked;
        private long sealed;
        private long unsealed;
        private Long brokenId;
        private String problem;

        void legacy(ResultSet rs) throws SQLException {
            checked++;
            long seq = rs.getLong("legacy_seq");
            String expected = legacyHash(previous, seq, event(rs));
            if (!previous.equals(trim(rs.getString("legacy_prev_hash")))
                    || !expected.equals(trim(rs.getString("row_mac")))) {
                broken(
                        rs.getLong("id"),
                        "the event written before the audit key (number " + seq + ") was changed,"
                                + " or one before it is missing");
            }
            previous = trim(rs.getString("row_mac"));
        }

        void startKeyedChain() {
            position = 0;
        }

        void sealed(ResultSet rs) throws SQLException {
            checked++;
            sealed++;
            position++;
            long id = rs.getLong("id");
            String rowMac = trim(rs.getString("row_mac"));
            if (rs.getLong("chain_pos") != position) {
                broken(id, "chain position " + position + " is missing");
                position = rs.getLong("chain_pos");
            }
            if (!rowMac.equals(rowMac(event(rs)))) {
                broken(id, "the event was changed after it was written");
            }
            String expected = link(previous, position, rowMac);
            if (!expected.equals(trim(rs.getString("chain_mac")))) {
                broken(id, "the chain is broken here: an event before it was removed, added or reordered");
            }
            previous = trim(rs.getString("chain_mac"));
        }

        void head(long headPosition, String headHash) {
            if (headPosition != position || !headHash.equals(previous)) {
                broken(
                        null,
                        "the chain ends at position " + position + " but its head says " + headPosition
                                + ": events at the end were removed, or the head was changed");
            }
        }

        void unsealed(ResultSet rs) throws SQLException {
            checked++;
            unsealed++;
            if (!trim(rs.getString("row_mac")).equals(rowMac(event(rs)))) {
                broken(rs.getLong("id"), "the event was changed after it was written");
            }
        }

        private void broken(Long id, String what) {
            if (problem == null) {
                brokenId = id;
                problem = what;
            }
        }

        ChainVerification result() {
            return new ChainVerification(checked, sealed, unsealed, brokenId, problem);
        }
    }

    private String rowMac(AuditEvent event) {
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

    private String link(String previous, long position, String rowMac) {
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

    private static AuditEvent event(ResultSet rs) throws SQLException {
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

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
