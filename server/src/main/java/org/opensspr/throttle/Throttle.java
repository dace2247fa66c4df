package org.opensspr.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts events in sliding windows and blocks logins, in the state store. Writes join the
 * caller's transaction: one connection per request. A step that counts a failed attempt and then
 * refuses the request must commit rather than roll back (the callers' {@code noRollbackFor}), so
 * the attempt stays counted. Keys are the login as typed (lower-cased), so an unknown login is
 * throttled exactly like a real one and the throttle reveals nothing.
 */
@Component
public class Throttle {

    /** Events older than this are purged; no window is longer. */
    static final Duration LONGEST_WINDOW = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final Clock clock;

    Throttle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Counts one event for {@code subject} and returns how many fall within {@code window}, this one included. */
    public int count(String subject, Duration window) {
        long now = clock.millis();
        jdbc.sql("INSERT INTO throttle_event (subject, occurred_at) VALUES (:subject, :at)")
                .param("subject", key(subject))
                .param("at", now)
                .update();
        return countSince(subject, now - window.toMillis());
    }

    /** How many events for {@code subject} fall within {@code window}, without counting one. */
    public int peek(String subject, Duration window) {
        return countSince(subject, clock.millis() - window.toMillis());
    }

    /**
     * How many events for {@code subject} fall within {@code window} and when the newest of them
     * happened, without counting one.
     */
    public Recent recent(String subject, Duration window) {
        return jdbc.sql(
                        "SELECT COUNT(*), MAX(occurred_at) FROM throttle_event WHERE subject = :subject AND occurred_at > :since")
                .param("subject", key(subject))
                .param("since", clock.millis() - window.toMillis())
                .query((rs, row) -> {
                    long newest = rs.getLong(2);
                    return new Recent(rs.getInt(1), rs.wasNull() ? null : Instant.ofEpochMilli(newest));
                })
                .single();
    }

    /**
     * How many events for {@code subject} fall within {@code window} and when the oldest of them
     * happened (null when there are none), without counting one: when the next event fits a budget again.
     */
    public Span span(String subject, Duration window) {
        return jdbc.sql(
                        "SELECT COUNT(*), MIN(occurred_at) FROM throttle_event WHERE subject = :subject AND occurred_at > :since")
                .param("subject", key(subject))
                .param("since", clock.millis() - window.toMillis())
                .query((rs, row) -> {
                    long oldest = rs.getLong(2);
                    return new Span(rs.getInt(1), rs.wasNull() ? null : Instant.ofEpochMilli(oldest));
                })
                .single();
    }

    /** Events within a window: how many, and the oldest (null when there are none). */
    public record Span(int count, Instant oldest) {}

    /** Forgets every event about {@code subject}; blocks are left as they are. */
    public void forget(String subject) {
        jdbc.sql("DELETE FROM throttle_event WHERE subject = :subject")
                .param("subject", key(subject))
                .update();
    }

    /** Events within a window: how many, and the newest (null when there are none). */
    public record Recent(int count, Instant newest) {}

    /** Blocks a login until now + {@code duration}; a longer existing block is kept. */
    public void block(String login, Duration duration, String reason) {
        long until = clock.instant().plus(duration).toEpochMilli();
        int updated = jdbc.sql(
                        "UPDATE reset_block SET blocked_until = :until, reason = :reason WHERE login = :login AND blocked_until < :until")
                .param("until", until)
                .param("reason", reason)
                .param("login", key(login))
                .update();
        if (updated == 0 && blockedUntil(login).isEmpty()) {
            jdbc.sql("INSERT INTO reset_block (login, blocked_until, reason) VALUES (:login, :until, :reason)")
                    .param("login", key(login))
                    .param("until", until)
                    .param("reason", reason)
                    .update();
        }
    }

    /** When the login's block ends, if it is blocked now. */
    public Optional<Instant> blockedUntil(String login) {
        return jdbc.sql("SELECT blocked_until FROM reset_block WHERE login = :login AND blocked_until > :now")
                .param("login", key(login))
                .param("now", clock.millis())
                .query(Long.class)
                .optional()
                .map(Instant::ofEpochMilli);
    }

    /**
     * How many blocks in force have a key starting with {@code prefix} (such as one login's blocks
     * from several sources): each key is one row, so blocks raced from one source count once.
     */
    public int blocksStartingWith(String prefix) {
        return jdbc.sql("SELECT COUNT(*) FROM reset_block WHERE login LIKE :like ESCAPE '\\' AND blocked_until > :now")
                .param("like", like(prefix))
                .param("now", clock.millis())
                .query(Integer.class)
                .single();
    }

    /** A block in force: its key (a login, or a login at a source), until when, and why. */
    public record Block(String key, Instant until, String reason) {}

    /** The blocks in force whose key is {@code key} or starts with {@code prefix}, longest first. */
    public List<Block> blocks(String key, String prefix) {
        return jdbc.sql("SELECT login, blocked_until, reason FROM reset_block"
                        + " WHERE (login = :key OR login LIKE :like ESCAPE '\\') AND blocked_until > :now"
                        + " ORDER BY blocked_until DESC")
                .param("key", key(key))
                .param("like", like(prefix))
                .param("now", clock.millis())
                .query((rs, n) -> new Block(
                        rs.getString("login"),
                        Instant.ofEpochMilli(rs.getLong("blocked_until")),
                        rs.getString("reason")))
                .list();
    }

    /**
     * Lifts every block whose key is {@code key} or starts with {@code prefix}, and forgets the events
     * whose subject contains {@code prefix} (so that the next failure does not block again at once).
     *
     * @return how many blocks were lifted, in force or not
     */
    public int lift(String key, String prefix) {
        int lifted = jdbc.sql("DELETE FROM reset_block WHERE login = :key OR login LIKE :like ESCAPE '\\'")
                .param("key", key(key))
                .param("like", like(prefix))
                .update();
        jdbc.sql("DELETE FROM throttle_event WHERE subject LIKE :like ESCAPE '\\'")
                .param("like", "%" + like(prefix))
                .update();
        return lifted;
    }

    private static String like(String prefix) {
        return key(prefix).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** Forgets every event about a login and lifts its block (after a successful reset). */
    public void clear(String login, String... subjects) {
        jdbc.sql("DELETE FROM reset_block WHERE login = :login")
                .param("login", key(login))
                .update();
        for (String subject : subjects) {
            jdbc.sql("DELETE FROM throttle_event WHERE subject = :subject")
                    .param("subject", key(subject))
                    .update();
        }
    }

    @Scheduled(fixedDelay = 600_000, initialDelay = 60_000)
    void purge() {
        long now = clock.millis();
        jdbc.sql("DELETE FROM throttle_event WHERE occurred_at < :cutoff")
                .param("cutoff", now - LONGEST_WINDOW.toMillis())
                .update();
        jdbc.sql("DELETE FROM reset_block WHERE blocked_until < :now")
                .param("now", now)
                .update();
    }

    private int countSince(String subject, long since) {
        return jdbc.sql("SELECT COUNT(*) FROM throttle_event WHERE subject = :subject AND occurred_at > :since")
                .param("subject", key(subject))
                .param("since", since)
                .query(Integer.class)
                .single();
    }

    private static String key(String value) {
        String lower = value.strip().toLowerCase(Locale.ROOT);
        return lower.length() <= 400 ? lower : lower.substring(0, 400);
    }
}
