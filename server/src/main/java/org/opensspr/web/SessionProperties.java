package org.opensspr.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sspr.session.*}: the portal session's absolute lifetime ({@code max-lifetime}, 12 hours by
 * default, 5 minutes to 7 days). However busy, a session must sign in again that long after it
 * signed in (NIST SP 800-63B asks for re-authentication at least every 12 hours at AAL2); the
 * inactivity timeout is the servlet container's ({@code server.servlet.session.timeout}, 30 minutes).
 */
@ConfigurationProperties("sspr.session")
public record SessionProperties(Duration maxLifetime) {

    public SessionProperties {
        maxLifetime = maxLifetime == null ? Duration.ofHours(12) : maxLifetime;
        if (maxLifetime.compareTo(Duration.ofMinutes(5)) < 0 || maxLifetime.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException(
                    "sspr.session.max-lifetime must be 5 minutes to 7 days, got " + maxLifetime);
        }
    }
}
