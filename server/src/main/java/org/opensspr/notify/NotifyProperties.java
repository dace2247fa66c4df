package org.opensspr.notify;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sspr.notify.*}: how the outbox is delivered. A committed message wakes the dispatcher at
 * once; {@code poll-millis} (default {@value #DEFAULT_POLL_MILLIS}) is how often it also looks on
 * its own, for retries that fall due, messages other nodes queued, and a wake-up that was lost.
 * Refused at start when it is not positive.
 */
@ConfigurationProperties("sspr.notify")
record NotifyProperties(Long pollMillis) {

    static final long DEFAULT_POLL_MILLIS = 250;

    NotifyProperties {
        pollMillis = pollMillis == null ? DEFAULT_POLL_MILLIS : pollMillis;
        if (pollMillis <= 0) {
            throw new IllegalArgumentException("sspr.notify.poll-millis must be positive, got " + pollMillis);
        }
    }
}
