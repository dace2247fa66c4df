package org.opensspr.notify;

import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opensspr.secrets.SecretBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.ObjectMapper;

/**
 * Delivers queued messages. Any node may run it: a row is claimed with a conditional update
 * (only one node's update matches), delivered, then deleted. A failed delivery is retried with
 * exponential backoff (1 s doubling to 1 h); after {@value #MAX_ATTEMPTS} attempts the row is
 * parked, not deleted, and the log says so. A node that dies holding a claim loses it after
 * {@value #CLAIM_MILLIS} ms, so the message is delivered by another (at least once).
 *
 * <p>A pass ({@link #dispatch()}) claims up to {@value #BATCH} due messages and hands the mail among
 * them to {@link Delivery#deliverAll} at once (the SMTP delivery sends them over one connection);
 * each message's outcome is its own: only a failed one is retried. Passes run one after another on
 * a thread of this node's own ({@link OutboxWorker}), woken when a message commits.
 */
final class OutboxDispatcher {

    static final int MAX_ATTEMPTS = 12;
    static final long CLAIM_MILLIS = 60_000;
    static final int BATCH = 20;
    /** {@code next_attempt_at} of a parked message. */
    static final long PARKED = Long.MAX_VALUE;

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<Message.Channel, Delivery> deliveries = new EnumMap<>(Message.Channel.class);
    private final OutboxMetrics metrics;
    private final TransactionOperations transactions;

    OutboxDispatcher(
            JdbcClient jdbc,
            SecretBox box,
            ObjectMapper json,
            Clock clock,
            Delivery email,
            Delivery sms,
            OutboxMetrics metrics,
            TransactionOperations transactions) {
        this.jdbc = jdbc;
        this.box = box;
        this.json = json;
        this.clock = clock;
        this.deliveries.put(Message.Channel.EMAIL, email);
        this.deliveries.put(Message.Channel.SMS, sms);
        this.metrics = metrics;
        this.transactions = transactions;
        log.info("Email goes to {}; SMS goes to {}", email.describe(), sms.describe());
    }

    /**
     * One pass: claims the due messages (up to {@value #BATCH}) that no node holds, delivers them and
     * records each outcome. Returns how many were due, so that a full batch is followed by another
     * pass at once. Database errors are thrown; delivery errors are recorded on their messages.
     */
    int dispatch() {
        long now = clock.millis();
        List<Row> due = jdbc.sql(String.format(Locale.ROOT, """
                SELECT id, channel, payload, attempts, created_at FROM notification_outbox
                WHERE next_attempt_at <= :now AND claimed_until < :now
                ORDER BY id FETCH FIRST %d ROWS ONLY""", BATCH))
                .param("now", now)
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        Message.Channel.valueOf(rs.getString("channel")),
                        rs.getString("payload"),
                        rs.getInt("attempts") + 1,
                        rs.getLong("created_at")))
                .list();
        if (due.isEmpty()) {
            return 0;
        }
        // One transaction claims the whole batch: one commit per pass, not one per message. Rows are
        // claimed in id order, so two nodes claiming at once wait on each other without deadlock, and
        // the loser's conditional update matches nothing.
        List<Row> won = transactions.execute(status -> {
            List<Row> claimed = new ArrayList<>();
            for (Row row : due) {
                if (jdbc.sql(
                                        "UPDATE notification_outbox SET claimed_until = :until WHERE id = :id AND claimed_until < :now")
                                .param("until", now + CLAIM_MILLIS)
                                .param("id", row.id())
                                .param("now", now)
                                .update()
                        == 1) {
                    claimed.add(row);
                }
            }
            return claimed;
        });
        Map<Message.Channel, Map<Long, Message>> batches = new EnumMap<>(Message.Channel.class);
        Map<Long, Queued> rows = new LinkedHashMap<>();
        for (Row row : won) {
            Queued queued = open(row);
            if (queued != null) {
                rows.put(row.id(), queued);
                batches.computeIfAbsent(row.channel(), c -> new LinkedHashMap<>())
                        .put(row.id(), queued.message());
            }
        }
        for (Map.Entry<Message.Channel, Map<Long, Message>> batch : batches.entrySet()) {
            deliver(batch.getKey(), batch.getValue(), rows);
        }
        return due.size();
    }

    /** A claimed row, opened; null when it cannot be opened (it is parked then). */
    private Queued open(Row row) {
        Message.Channel channel = row.channel();
        long id = row.id();
        int attempts = row.attempts();
        String opened;
        try {
            opened = box.open(row.payload(), NotificationOutbox.PURPOSE);
        } catch (IllegalStateException e) {
            // Sealed under another key (sspr.secret-key changed, or nodes disagree): retrying cannot help.
            retryAt(id, attempts, PARKED, e.getMessage());
            metrics.failed(channel);
            log.error(
                    "Parked {} message {}: {}. Do all nodes share the same sspr.secret-key?",
                    channel,
                    id,
                    e.getMessage());
            return null;
        }
        try {
            Map<?, ?> payload = json.readValue(opened, Map.class);
            // "kind" is absent from messages queued before kinds existed: they are delivered without one;
            // "html" from emails queued before they had an HTML part: they are sent as plain text.
            Message message = new Message(
                    channel,
                    Message.Kind.ofId((String) payload.get("kind")),
                    (String) payload.get("recipient"),
                    (String) payload.get("subject"),
                    (String) payload.get("body"),
                    (String) payload.get("html"));
            return new Queued(message, attempts, row.createdAt());
        } catch (RuntimeException e) {
            failed(id, channel, attempts, e);
            return null;
        }
    }

    private void deliver(Message.Channel channel, Map<Long, Message> batch, Map<Long, Queued> rows) {
        Timer.Sample sample = metrics.start();
        Map<Long, Exception> failures;
        try {
            failures = deliveries.get(channel).deliverAll(batch);
        } catch (RuntimeException e) {
            failures = new LinkedHashMap<>();
            for (Long id : batch.keySet()) {
                failures.put(id, e);
            }
        }
        metrics.handedOver(channel, sample);
        List<Long> delivered = new ArrayList<>();
        for (Long id : batch.keySet()) {
            Exception failure = failures.get(id);
            if (failure == null) {
                delivered.add(id);
            } else {
                failed(id, channel, rows.get(id).attempts(), failure);
            }
        }
        if (!delivered.isEmpty()) {
            jdbc.sql("DELETE FROM notification_outbox WHERE id IN (:ids)")
                    .param("ids", delivered)
                    .update();
            long now = clock.millis();
            for (Long id : delivered) {
                metrics.delivered(channel, now - rows.get(id).createdAt());
            }
        }
    }

    private void failed(long id, Message.Channel channel, int attempts, Exception e) {
        long backoff = Math.min(3_600_000L, 1_000L << Math.min(attempts - 1, 20));
        boolean parked = attempts >= MAX_ATTEMPTS;
        String error = String.valueOf(e.getMessage());
        retryAt(id, attempts, parked ? PARKED : clock.millis() + backoff, error);
        metrics.failed(channel);
        if (parked) {
            log.error("Gave up delivering {} message {} after {} attempts: {}", channel, id, attempts, error);
        } else {
            log.warn(
                    "Delivering {} message {} failed (attempt {}), retrying in {} s: {}",
                    channel,
                    id,
                    attempts,
                    backoff / 1000,
                    error);
        }
    }

    private void retryAt(long id, int attempts, long next, String error) {
        jdbc.sql("""
                UPDATE notification_outbox SET attempts = :attempts, next_attempt_at = :next, claimed_until = 0,
                last_error = :error WHERE id = :id""")
                .param("attempts", attempts)
                .param("next", next)
                .param("error", error.length() > 1000 ? error.substring(0, 1000) : error)
                .param("id", id)
                .update();
    }

    /** A due row as read: its sealed payload and the attempt a delivery now would be. */
    private record Row(long id, Message.Channel channel, String payload, int attempts, long createdAt) {}

    /** A claimed message with the attempt it is on and when it was queued. */
    private record Queued(Message message, int attempts, long createdAt) {}
}
