package org.opensspr.notify;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sspr.notify.*}: how the outbox is delivered. A committed message wakes the dispatcher at
 * once; {@code poll-millis} (default {@value #DEFAULT_POLL_MILLIS}) is how often it also looks on
 * its own, for retries that fall due, messages other nodes queued, and a wake-up that was lost.
 * {@code smtp-connections} (default {@value #DEFAULT_SMTP_CONNECTIONS}, 1 to
 * {@value #MAX_SMTP_CONNECTIONS}) is how many SMTP connections one batch may use at once. Refused
 * at start when out of range.
 */
@ConfigurationProperties("sspr.notify")
record NotifyProperties(Long pollMillis, Integer smtpConnections) {

    static final long DEFAULT_POLL_MILLIS = 250;
    static final int DEFAULT_SMTP_CONNECTIONS = 4;
    static final int MAX_SMTP_CONNECTIONS = 20;

    NotifyProperties {
        pollMillis = pollMillis == null ? DEFAULT_POLL_MILLIS : pollMillis;
        if (pollMillis <= 0) {
            throw new IllegalArgumentException("sspr.notify.poll-millis must be positive, got " + pollMillis);
        }
        smtpConnections = smtpConnections == null ? DEFAULT_SMTP_CONNECTIONS : smtpConnections;
        if (smtpConnections < 1 || smtpConnections > MAX_SMTP_CONNECTIONS) {
            throw new IllegalArgumentException(
                    "sspr.notify.smtp-connections must be 1-" + MAX_SMTP_CONNECTIONS + ", got " + smtpConnections);
        }
    }
}
