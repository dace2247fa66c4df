package org.opensspr.notify;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import org.opensspr.secrets.SecretBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Queues messages in {@code notification_outbox}, inside the caller's transaction: the message
 * exists if and only if the state change that caused it committed. The payload is sealed with
 * AES-GCM because an email may carry a code.
 */
@Component
public class NotificationOutbox {

    static final String PURPOSE = "notification-outbox";

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final ObjectMapper json;
    private final Clock clock;

    NotificationOutbox(JdbcClient jdbc, SecretBox box, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.box = box;
        this.json = json;
        this.clock = clock;
    }

    /** Queues {@code message}, which must have a kind. */
    public void enqueue(Message message) {
        Objects.requireNonNull(message.kind(), "message kind cannot be null");
        String payload = box.seal(
                json.writeValueAsString(Map.of(
                        "kind",
                        message.kind().id(),
                        "recipient",
                        message.recipient(),
                        "subject",
                        message.subject(),
                        "body",
                        message.body())),
                PURPOSE);
        long now = clock.millis();
        jdbc.sql("""
                INSERT INTO notification_outbox (channel, payload, created_at, attempts, next_attempt_at, claimed_until)
                VALUES (:channel, :payload, :now, 0, :now, 0)""")
                .param("channel", message.channel().name())
                .param("payload", payload)
                .param("now", now)
                .update();
    }
}
