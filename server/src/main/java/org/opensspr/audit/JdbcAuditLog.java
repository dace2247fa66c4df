package org.opensspr.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log in the state store. Each event carries the SHA-256 of the previous event's hash
 * and its own fields, so a row edited or deleted afterwards breaks the chain. Appends are
 * serialised across nodes by the row lock on {@code audit_head}, each in a transaction of its
 * own.
 */
@Repository
class JdbcAuditLog implements AuditLog {

    private static final String GENESIS = "0".repeat(64);

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    JdbcAuditLog(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void record(AuditEvent event) {
        ownTransaction.executeWithoutResult(status -> {
            jdbc.sql("UPDATE audit_head SET seq = seq + 1 WHERE id = 1").update();
            Map<String, Object> head = jdbc.sql("SELECT seq, hash FROM audit_head WHERE id = 1")
                    .query()
                    .singleRow();
            long seq = ((Number) head.get("seq")).longValue();
            String previous = (String) head.get("hash");
            String hash = chainHash(previous, seq, event);
            jdbc.sql("""
                    INSERT INTO audit_event (seq, time_at, activity, result, actor, target, ip, client_type, details, prev_hash, hash)
                    VALUES (:seq, :time, :activity, :result, :actor, :target, :ip, :clientType, :details, :prev, :hash)""")
                    .param("seq", seq)
                    .param("time", event.time().toEpochMilli())
                    .param("activity", event.activity())
                    .param("result", event.result().name())
                    .param("actor", truncate(event.actor(), 256))
                    .param("target", truncate(event.target(), 256))
                    .param("ip", truncate(event.ip(), 64))
                    .param("clientType", event.clientType().name())
                    .param("details", truncate(event.details(), 4000))
                    .param("prev", previous)
                    .param("hash", hash)
                    .update();
            jdbc.sql("UPDATE audit_head SET hash = :hash WHERE id = 1")
                    .param("hash", hash)
                    .update();
        });
    }

    @Override
    public List<AuditEvent> search(AuditQuery query) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_event WHERE 1 = 1");
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
        sql.append(" ORDER BY seq DESC FETCH FIRST ").append(query.limit()).append(" ROWS ONLY");
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> new AuditEvent(
                        Instant.ofEpochMilli(rs.getLong("time_at")),
                        rs.getString("activity"),
                        AuditResult.valueOf(rs.getString("result")),
                        rs.getString("actor"),
                        rs.getString("target"),
                        rs.getString("ip"),
                        ClientType.valueOf(rs.getString("client_type")),
                        rs.getString("details")))
                .list();
    }

    @Override
    public long verifyChain() {
        String[] previous = {GENESIS};
        long[] firstBroken = {-1};
        jdbc.sql("SELECT * FROM audit_event ORDER BY seq").query(rs -> {
            long seq = rs.getLong("seq");
            AuditEvent event = new AuditEvent(
                    Instant.ofEpochMilli(rs.getLong("time_at")),
                    rs.getString("activity"),
                    AuditResult.valueOf(rs.getString("result")),
                    rs.getString("actor"),
                    rs.getString("target"),
                    rs.getString("ip"),
                    ClientType.valueOf(rs.getString("client_type")),
                    rs.getString("details"));
            String expected = chainHash(previous[0], seq, event);
            if (firstBroken[0] < 0
                    && (!previous[0].equals(rs.getString("prev_hash")) || !expected.equals(rs.getString("hash")))) {
                firstBroken[0] = seq;
            }
            previous[0] = rs.getString("hash");
        });
        return firstBroken[0];
    }

    static String chainHash(String previous, long seq, AuditEvent event) {
        String canonical = String.join(
                "\u001f",
                previous,
                Long.toString(seq),
                Long.toString(event.time().toEpochMilli()),
                event.activity(),
                event.result().name(),
                truncate(event.actor(), 256),
                truncate(event.target(), 256),
                truncate(event.ip(), 64),
                event.clientType().name(),
                truncate(event.details(), 4000));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
