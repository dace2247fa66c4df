package org.opensspr.notify;

import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What waits in {@code notification_outbox}, on every node: {@code queued} messages not parked,
 * of which {@code due} may be sent now and {@code retrying} failed at least once; {@code parked}
 * messages given up on; how long the oldest queued one has waited; and the newest delivery error,
 * made safe to show (null when no message failed).
 */
record OutboxBacklog(long queued, long due, long retrying, long parked, long oldestMillis, String lastError) {

    static final int ERROR_CHARS = 200;

    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"':;,()\\[\\]]+@[^\\s<>\"':;,()\\[\\]]+");
    private static final Pattern LONG_DIGITS = Pattern.compile("\\d{6,}");
    private static final Pattern CONTROL_OR_SPACE = Pattern.compile("[\\p{Cntrl}\\s]+");

    /** Two queries: the counts, and the newest error when some message failed. */
    static OutboxBacklog read(JdbcClient jdbc, long now) {
        Map<String, Object> counts = jdbc.sql("""
                SELECT SUM(CASE WHEN next_attempt_at < :parked THEN 1 ELSE 0 END) AS queued,
                SUM(CASE WHEN next_attempt_at <= :now THEN 1 ELSE 0 END) AS due,
                SUM(CASE WHEN next_attempt_at < :parked AND attempts > 0 THEN 1 ELSE 0 END) AS retrying,
                SUM(CASE WHEN next_attempt_at = :parked THEN 1 ELSE 0 END) AS parked,
                MIN(CASE WHEN next_attempt_at < :parked THEN created_at END) AS oldest
                FROM notification_outbox""")
                .param("parked", OutboxDispatcher.PARKED)
                .param("now", now)
                .query()
                .singleRow();
        long retrying = number(counts, "retrying");
        long parked = number(counts, "parked");
        Object oldest = counts.get("oldest");
        String lastError = retrying + parked == 0
                ? null
                : jdbc.sql("""
                                SELECT last_error FROM notification_outbox WHERE last_error IS NOT NULL
                                ORDER BY id DESC FETCH FIRST 1 ROWS ONLY""")
                        .query(String.class)
                        .optional()
                        .map(OutboxBacklog::safe)
                        .orElse(null);
        return new OutboxBacklog(
                number(counts, "queued"),
                number(counts, "due"),
                retrying,
                parked,
                oldest == null ? 0 : Math.max(0, now - ((Number) oldest).longValue()),
                lastError);
    }

    /**
     * An error as it may be shown: one line, at most {@value #ERROR_CHARS} characters, with email
     * addresses and runs of six or more digits (codes, phone numbers) blanked out.
     */
    static String safe(String error) {
        String text = ADDRESS.matcher(error).replaceAll("[address]");
        text = LONG_DIGITS.matcher(text).replaceAll("[redacted]");
        text = CONTROL_OR_SPACE.matcher(text).replaceAll(" ").strip();
        return text.length() <= ERROR_CHARS ? text : text.substring(0, ERROR_CHARS);
    }

    /** The row's map ignores case: H2 answers labels in upper case, PostgreSQL in lower case. */
    private static long number(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? 0 : ((Number) value).longValue();
    }
}
