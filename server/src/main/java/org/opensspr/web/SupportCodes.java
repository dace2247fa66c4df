package org.opensspr.web;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.opensspr.audit.Caller;
import org.opensspr.audit.ClientType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The support codes portal pages showed ({@link PageErrors}), kept {@value #KEEP_DAYS} days so the
 * helpdesk can find the user and the event behind one (table {@code support_code}). Recording is
 * best effort and never makes a page wait: the one insert runs on this component's own thread, from
 * a short queue ({@value #QUEUE} codes); a database that is away or slow loses the code (the WARN
 * line {@link PageErrors} logs keeps it), and a full queue drops it with a WARN line. The error
 * summary is the exception's class and message, never a form field.
 */
@Component
public final class SupportCodes {

    static final int KEEP_DAYS = 30;
    private static final int QUEUE = 256;
    private static final Logger log = LoggerFactory.getLogger(SupportCodes.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ThreadPoolExecutor writer;

    SupportCodes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.writer =
                new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), runnable -> {
                    Thread thread = new Thread(runnable, "sspr-support-codes");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** A support code as recorded: {@code login} is null when the page had no user or login. */
    public record SupportCode(
            String code,
            String login,
            String page,
            String error,
            String ip,
            ClientType clientType,
            Instant occurredAt) {}

    /** Queues the code for recording; returns at once, whatever the database does. */
    void record(String code, String login, String page, String error, Caller caller) {
        SupportCode row = new SupportCode(
                code,
                login == null || login.isBlank() ? null : truncate(login.strip(), 256),
                truncate(page == null ? "" : page, 200),
                truncate(error, 500),
                caller.ip().isEmpty() ? null : truncate(caller.ip(), 64),
                caller.clientType(),
                clock.instant());
        try {
            writer.execute(() -> insert(row));
        } catch (RejectedExecutionException e) {
            log.warn("Support code {} not recorded: too many waiting to be written", code);
        }
    }

    private void insert(SupportCode row) {
        try {
            jdbc.sql("""
                    INSERT INTO support_code (code, login, page, error, ip, client_type, occurred_at)
                    VALUES (:code, :login, :page, :error, :ip, :clientType, :at)""")
                    .param("code", row.code())
                    .param("login", row.login())
                    .param("page", row.page())
                    .param("error", row.error())
                    .param("ip", row.ip())
                    .param("clientType", row.clientType().name())
                    .param("at", row.occurredAt().toEpochMilli())
                    .update();
        } catch (RuntimeException e) {
            log.warn(
                    "Support code {} not recorded: {}: {}",
                    row.code(),
                    e.getClass().getSimpleName(),
                    e.getMessage());
        }
    }

    /** The recorded code, typed in any case; empty when it is unknown or purged. */
    public Optional<SupportCode> find(String code) {
        if (code == null || code.isBlank() || code.length() > 16) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM support_code WHERE code = :code")
                .param("code", code.strip().toUpperCase(Locale.ROOT))
                .query((rs, n) -> new SupportCode(
                        rs.getString("code"),
                        rs.getString("login"),
                        rs.getString("page"),
                        rs.getString("error"),
                        rs.getString("ip"),
                        ClientType.valueOf(rs.getString("client_type")),
                        Instant.ofEpochMilli(rs.getLong("occurred_at"))))
                .optional();
    }

    /** Deletes codes older than {@value #KEEP_DAYS} days, every hour on every node (the delete is the same on each). */
    @Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
    void purge() {
        jdbc.sql("DELETE FROM support_code WHERE occurred_at < :cutoff")
                .param(
                        "cutoff",
                        clock.instant().minus(Duration.ofDays(KEEP_DAYS)).toEpochMilli())
                .update();
    }

    @PreDestroy
    void stop() {
        writer.shutdown();
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
