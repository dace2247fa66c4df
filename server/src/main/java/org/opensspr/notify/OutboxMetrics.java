package org.opensspr.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The outbox's meters, each tagged {@code channel} ({@code email}, {@code sms}) where it applies:
 * {@code sspr.outbox.delivered} and {@code sspr.outbox.failed} (counters of messages),
 * {@code sspr.outbox.delivery} (timer: one hand-over to the SMTP server, a batch of mail, or to the
 * SMS gateway), {@code sspr.outbox.wait} (timer: from queued to delivered, per message), and the
 * gauges {@code sspr.outbox.queued}, {@code .due}, {@code .retrying}, {@code .parked} and
 * {@code .oldest.age} (seconds), read from the cached {@link OutboxBacklog} (NaN until it was read).
 */
final class OutboxMetrics {

    private final MeterRegistry registry;
    private final Map<Message.Channel, Counter> delivered = new EnumMap<>(Message.Channel.class);
    private final Map<Message.Channel, Counter> failed = new EnumMap<>(Message.Channel.class);
    private final Map<Message.Channel, Timer> delivery = new EnumMap<>(Message.Channel.class);
    private final Map<Message.Channel, Timer> waited = new EnumMap<>(Message.Channel.class);

    OutboxMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Message.Channel channel : Message.Channel.values()) {
            String tag = channel.name().toLowerCase(Locale.ROOT);
            delivered.put(
                    channel,
                    Counter.builder("sspr.outbox.delivered")
                            .description("Messages handed to the SMTP server or SMS gateway")
                            .tag("channel", tag)
                            .register(registry));
            failed.put(
                    channel,
                    Counter.builder("sspr.outbox.failed")
                            .description("Delivery attempts that failed (each is retried or parked)")
                            .tag("channel", tag)
                            .register(registry));
            delivery.put(
                    channel,
                    Timer.builder("sspr.outbox.delivery")
                            .description("One hand-over: a batch of mail over one SMTP connection, or one SMS")
                            .tag("channel", tag)
                            .register(registry));
            waited.put(
                    channel,
                    Timer.builder("sspr.outbox.wait")
                            .description("From queued to delivered, per message")
                            .tag("channel", tag)
                            .register(registry));
        }
    }

    /** The gauges, read from {@code backlog} (null while unknown). */
    void gauges(Supplier<OutboxBacklog> backlog) {
        gauge("sspr.outbox.queued", "Messages waiting, parked ones excepted", "messages", backlog, b -> b.queued());
        gauge("sspr.outbox.due", "Messages due for delivery now", "messages", backlog, b -> b.due());
        gauge(
                "sspr.outbox.retrying",
                "Messages waiting after a failed attempt",
                "messages",
                backlog,
                b -> b.retrying());
        gauge("sspr.outbox.parked", "Messages given up on", "messages", backlog, b -> b.parked());
        gauge(
                "sspr.outbox.oldest.age",
                "How long the oldest waiting message has waited",
                "seconds",
                backlog,
                b -> b.oldestMillis() / 1000.0);
    }

    private void gauge(
            String name,
            String description,
            String unit,
            Supplier<OutboxBacklog> backlog,
            ToDoubleFunction<OutboxBacklog> value) {
        Gauge.builder(name, () -> {
                    OutboxBacklog now = backlog.get();
                    return now == null ? Double.NaN : value.applyAsDouble(now);
                })
                .description(description)
                .baseUnit(unit)
                .register(registry);
    }

    Timer.Sample start() {
        return Timer.start(registry);
    }

    void handedOver(Message.Channel channel, Timer.Sample sample) {
        sample.stop(delivery.get(channel));
    }

    void delivered(Message.Channel channel, long waitedMillis) {
        delivered.get(channel).increment();
        waited.get(channel).record(Duration.ofMillis(Math.max(0, waitedMillis)));
    }

    void failed(Message.Channel channel) {
        failed.get(channel).increment();
    }
}
