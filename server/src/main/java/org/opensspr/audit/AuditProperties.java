package org.opensspr.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sspr.audit.*}: {@code verify-interval} (default {@value #DEFAULT_VERIFY_INTERVAL_TEXT}, at
 * least a minute) is how often each node checks the whole audit log in the background
 * ({@link PeriodicAuditCheck}); a check reads every event, so it is not meant to run every second.
 * Refused at start when shorter.
 */
@ConfigurationProperties("sspr.audit")
record AuditProperties(Duration verifyInterval) {

    static final String DEFAULT_VERIFY_INTERVAL_TEXT = "1h";
    static final Duration DEFAULT_VERIFY_INTERVAL = Duration.ofHours(1);
    static final Duration MIN_VERIFY_INTERVAL = Duration.ofMinutes(1);

    AuditProperties {
        verifyInterval = verifyInterval == null ? DEFAULT_VERIFY_INTERVAL : verifyInterval;
        if (verifyInterval.compareTo(MIN_VERIFY_INTERVAL) < 0) {
            throw new IllegalArgumentException("sspr.audit.verify-interval must be at least 1m, got " + verifyInterval);
        }
    }
}
