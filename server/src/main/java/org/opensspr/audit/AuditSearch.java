package org.opensspr.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the audit log for {@link JdbcAuditLog}: pages by keyset on the event id ({@code id < the
 * cursor's}, newest first, never {@code OFFSET}, so paging costs the same on page 1 and page 10,000
 * and an event written meanwhile neither repeats nor pushes another off a page) and exports through
 * a JDBC cursor (on H2 with lazy query execution for that one query, so neither database holds the
 * result).
 *
 * <p>A cursor is {@code base64url(<id in base 36>.<MAC>)}: the MAC (HMAC-SHA256 under the {@link
 * AuditKey}, purpose {@code cursor-v1}, the first 128 bits) covers the id and the filter, so an edited
 * cursor, or one from a query with other filters, is refused ({@link InvalidAuditCursor}) rather than
 * silently paging somewhere else. The id is not secret; the MAC only keeps cursors honest.
 */
final class AuditSearch {

    /** Rows the driver fetches at a time while exporting (PostgreSQL streams only inside a transaction). */
    static final int EXPORT_FETCH_SIZE = 500;

    private static final int MAX_CURSOR_LENGTH = 200;
    private static final int MAC_HEX_CHARS = 32;

    private final JdbcClient jdbc;
    private final JdbcTemplate connection;
    private final TransactionTemplate readOnly;
    private final AuditKey key;

    AuditSearch(JdbcClient jdbc, JdbcTemplate connection, PlatformTransactionManager transactionManager, AuditKey key) {
        this.jdbc = jdbc;
        this.connection = connection;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.key = key;
    }

    AuditPage page(AuditQuery query) {
        Long before = query.cursor() == null ? null : decode(query.cursor(), query.filter());
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_record").append(where(query.filter(), params));
        if (before != null) {
            sql.append(params.isEmpty() ? " WHERE" : " AND").append(" id < :before");
            params.put("before", before);
        }
        // One more than the page: whether there is a next page is known without another query.
        sql.append(" ORDER BY id DESC FETCH FIRST ").append(query.limit() + 1).append(" ROWS ONLY");
        List<Long> ids = new ArrayList<>();
        List<AuditEvent> events = new ArrayList<>();
        jdbc.sql(sql.toString()).params(params).query((RowCallbackHandler) rs -> {
            ids.add(rs.getLong("id"));
            events.add(JdbcAuditLog.event(rs));
        });
        if (events.size() <= query.limit()) {
            return new AuditPage(events, null);
        }
        return new AuditPage(events.subList(0, query.limit()), encode(ids.get(query.limit() - 1), query.filter()));
    }

    void export(AuditFilter filter, AuditLog.EventSink each) throws IOException {
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = "SELECT * FROM audit_record" + where(filter, params) + " ORDER BY id DESC";
        try {
            readOnly.executeWithoutResult(status -> {
                // H2 otherwise copies the whole result to a temporary store before the first row, which
                // itself runs out of memory; lazily it reads the primary key index backwards as we go.
                boolean h2 = "H2".equals(connection.execute((ConnectionCallback<String>)
                        c -> c.getMetaData().getDatabaseProductName()));
                if (h2) {
                    jdbc.sql("SET LAZY_QUERY_EXECUTION TRUE").update();
                }
                try {
                    jdbc.sql(sql)
                            .params(params)
                            .withFetchSize(EXPORT_FETCH_SIZE)
                            .query((RowCallbackHandler) rs -> {
                                try {
                                    each.accept(JdbcAuditLog.event(rs));
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            });
                } finally {
                    if (h2) {
                        jdbc.sql("SET LAZY_QUERY_EXECUTION FALSE").update();
                    }
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The filter as a WHERE clause (empty when it filters nothing); its values go to {@code params}. */
    private static String where(AuditFilter filter, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        if (filter.from() != null) {
            conditions.add("time_at >= :from");
            params.put("from", filter.from().toEpochMilli());
        }
        if (filter.to() != null) {
            conditions.add("time_at < :to");
            params.put("to", filter.to().toEpochMilli());
        }
        if (filter.target() != null) {
            conditions.add("LOWER(target) = LOWER(:target)");
            params.put("target", filter.target());
        }
        if (filter.actor() != null) {
            conditions.add("LOWER(actor) = LOWER(:actor)");
            params.put("actor", filter.actor());
        }
        if (filter.activity() != null) {
            conditions.add("activity = :activity");
            params.put("activity", filter.activity());
        }
        if (filter.clientType() != null) {
            conditions.add("client_type = :clientType");
            params.put("clientType", filter.clientType().name());
        }
        if (filter.ip() != null) {
            conditions.add("ip = :ip");
            params.put("ip", filter.ip());
        }
        if (filter.result() != null) {
            conditions.add("result = :result");
            params.put("result", filter.result().name());
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    String encode(long id, AuditFilter filter) {
        String payload = Long.toString(id, 36);
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((payload + "." + mac(payload, filter)).getBytes(StandardCharsets.US_ASCII));
    }

    /** The id the cursor names; {@link InvalidAuditCursor} unless this log issued it for {@code filter}. */
    long decode(String cursor, AuditFilter filter) {
        if (cursor.length() > MAX_CURSOR_LENGTH) {
            throw new InvalidAuditCursor();
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw new InvalidAuditCursor();
        }
        int dot = text.indexOf('.');
        if (dot <= 0) {
            throw new InvalidAuditCursor();
        }
        String payload = text.substring(0, dot);
        byte[] expected = mac(payload, filter).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, text.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            throw new InvalidAuditCursor();
        }
        try {
            return Long.parseLong(payload, 36);
        } catch (NumberFormatException e) {
            throw new InvalidAuditCursor();
        }
    }

    private String mac(String payload, AuditFilter filter) {
        List<String> parts = new ArrayList<>(List.of("cursor-v1", payload));
        filter.parameters().forEach((name, value) -> parts.add(name + "=" + value));
        return key.mac(String.join("\u001f", parts)).substring(0, MAC_HEX_CHARS);
    }
}
