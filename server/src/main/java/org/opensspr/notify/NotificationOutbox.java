package org.opensspr.notify;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.opensspr.secrets.SecretBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.ObjectMapper;

/**
 * Queues messages in {@code notification_outbox}, inside the caller's transaction: the message
 * exists if and only if the state change that caused it committed. The payload is sealed with
 * AES-GCM because an email may carry a code. Once the message commits, the {@link OutboxWorker} is
 * woken to deliver it at once (right away outside a transaction); a transaction that rolls back
 * queues nothing and wakes nothing.
 */
@Component
public class NotificationOutbox {

    static final String PURPOSE = "notification-outbox";

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final ObjectMapper json;
    private final Clock clock;
    private final OutboxWorker worker;

    NotificationOutbox(JdbcClient jdbc, SecretBox box, ObjectMapper json, Clock clock, OutboxWorker worker) {
        this.jdbc = jdbc;
        this.box = box;
        this.json = json;
        this.clock = clock;
        this.worker = worker;
    }

    /** Queues {@code message}, which must have a kind. */
    public void enqueue(Message message) {
        Objects.requireNonNull(message.kind(), "message kind cannot be null");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("kind", message.kind().id());
        fields.put("recipient", message.recipient());
        fields.put("subject", message.subject());
        fields.put("body", message.body());
        if (message.html() != null) {
            fields.put("html", message.html()); // absent from messages queued before HTML parts
        }
        String payload = box.seal(json.writeValueAsString(fields), PURPOSE);
        long now = clock.millis();
        jdbc.sql("""
                INSERT INTO notification_outbox (channel, payload, created_at, attempts, next_attempt_at, claimed_until)
                VALUES (:channel, :payload, :now, 0, :now, 0)""")
                .param("channel", message.channel().name())
                .param("payload", payload)
                .param("now", now)
                .update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    worker.wake();
                }
            });
        } else {
            worker.wake();
        }
    }
}
