package org.opensspr.insights;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensspr.audit.Activity;
import org.opensspr.audit.AuditResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The aggregations behind {@link InsightsService}: every query is a {@code GROUP BY} over a bounded
 * time range (or over the registration tables, one row per login and method), so the result has a
 * row per day and key, never a row per event. Portable to H2 and PostgreSQL: a UTC day is {@code
 * time_at / 86400000} (integer division of epoch milliseconds), written as a literal so that both
 * match the grouped expression.
 */
@Repository
class JdbcInsightsRepository {

    /** Each login's methods on file, once per type: registered ones and an admin's pre-filled contacts. */
    private static final String ON_FILE = """
            SELECT login, type FROM registered_method
            UNION SELECT login, 'email' FROM contact_info WHERE email IS NOT NULL
            UNION SELECT login, 'sms' FROM contact_info WHERE phone IS NOT NULL
            """;

    private static final List<String> RESET_STEPS =
            List.of(Activity.FLOW_PROGRESS, Activity.RESET_PASSWORD, Activity.UNLOCK);

    private final JdbcClient jdbc;

    JdbcInsightsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Logins per method type id on file. */
    Map<String, Long> usersByMethod() {
        Map<String, Long> users = new LinkedHashMap<>();
        jdbc.sql("SELECT type, COUNT(*) AS users FROM (" + ON_FILE + ") m GROUP BY type")
                .query((rs, n) -> Map.entry(rs.getString("type"), rs.getLong("users")))
                .list()
                .forEach(e -> users.put(e.getKey(), e.getValue()));
        return users;
    }

    /**
     * How many logins have how many of {@code counted} (type ids) on file: counted methods to logins.
     * A login whose methods on file are all uncounted is under 0.
     */
    Map<Integer, Long> usersByCountedMethods(List<String> counted) {
        Map<Integer, Long> users = new LinkedHashMap<>();
        jdbc.sql("SELECT counted, COUNT(*) AS users FROM (SELECT login,"
                        + " SUM(CASE WHEN type IN (:counted) THEN 1 ELSE 0 END) AS counted FROM ("
                        + ON_FILE
                        + ") m GROUP BY login) u GROUP BY counted")
                .param("counted", counted)
                .query((rs, n) -> Map.entry(rs.getInt("counted"), rs.getLong("users")))
                .list()
                .forEach(e -> users.put(e.getKey(), e.getValue()));
        return users;
    }

    /** Successful events of {@code activity} per day and ClientType. */
    List<DailyCounts.Row> successesByClientType(String activity, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT time_at / 86400000 AS bucket, client_type, COUNT(*) AS events FROM audit_record
                        WHERE time_at >= :from AND time_at < :to AND activity = :activity AND result = :result
                        GROUP BY time_at / 86400000, client_type
                        """)
                .param("from", from.toEpochMilli())
                .param("to", to.toEpochMilli())
                .param("activity", activity)
                .param("result", AuditResult.Success.name())
                .query((rs, n) ->
                        new DailyCounts.Row(rs.getLong("bucket"), rs.getString("client_type"), rs.getLong("events")))
                .list();
    }

    /**
     * Successful events of {@code activity} whose details are {@code prefix + key + suffix}, per day
     * and key (a method id): the details are one of a few fixed sentences, so the groups stay few.
     */
    List<DailyCounts.Row> successesByDetail(String activity, String prefix, String suffix, Instant from, Instant to) {
        List<DailyCounts.Row> rows = new ArrayList<>();
        jdbc.sql("""
                        SELECT time_at / 86400000 AS bucket, details, COUNT(*) AS events FROM audit_record
                        WHERE time_at >= :from AND time_at < :to AND activity = :activity AND result = :result
                        AND details LIKE :pattern
                        GROUP BY time_at / 86400000, details
                        """)
                .param("from", from.toEpochMilli())
                .param("to", to.toEpochMilli())
                .param("activity", activity)
                .param("result", AuditResult.Success.name())
                .param("pattern", prefix + "%" + suffix)
                .query((rs, n) ->
                        new DailyCounts.Row(rs.getLong("bucket"), rs.getString("details"), rs.getLong("events")))
                .list()
                .forEach(row -> {
                    String details = row.key();
                    if (details.length() >= prefix.length() + suffix.length()) {
                        String key = details.substring(prefix.length(), details.length() - suffix.length());
                        rows.add(new DailyCounts.Row(row.epochDay(), key, row.count()));
                    }
                });
        return rows;
    }

    /** Reset steps that did not succeed, grouped by activity, result and details, most frequent first. */
    List<Insights.FailureReason> failures(Instant from, Instant to, int limit) {
        return jdbc.sql("""
                        SELECT activity, result, details, COUNT(*) AS events FROM audit_record
                        WHERE time_at >= :from AND time_at < :to AND activity IN (:activities) AND result <> :success
                        GROUP BY activity, result, details
                        ORDER BY COUNT(*) DESC, activity, result, details
                        LIMIT :limit
                        """)
                .param("from", from.toEpochMilli())
                .param("to", to.toEpochMilli())
                .param("activities", RESET_STEPS)
                .param("success", AuditResult.Success.name())
                .param("limit", limit)
                .query((rs, n) -> new Insights.FailureReason(
                        rs.getString("activity"),
                        rs.getString("result"),
                        rs.getString("details"),
                        rs.getLong("events")))
                .list();
    }

    /** The targets with the most Blocked events of the reset flow and its throttle, most first. */
    List<Insights.BlockedLogin> topBlocked(Instant from, Instant to, int limit) {
        List<String> activities = new ArrayList<>(RESET_STEPS);
        activities.add(Activity.BLOCKED);
        return jdbc.sql("""
                        SELECT target, COUNT(*) AS events, MAX(time_at) AS last_at FROM audit_record
                        WHERE time_at >= :from AND time_at < :to AND activity IN (:activities) AND result = :blocked
                        GROUP BY target
                        ORDER BY COUNT(*) DESC, target
                        LIMIT :limit
                        """)
                .param("from", from.toEpochMilli())
                .param("to", to.toEpochMilli())
                .param("activities", activities)
                .param("blocked", AuditResult.Blocked.name())
                .param("limit", limit)
                .query((rs, n) -> new Insights.BlockedLogin(
                        rs.getString("target"), rs.getLong("events"), Instant.ofEpochMilli(rs.getLong("last_at"))))
                .list();
    }
}
