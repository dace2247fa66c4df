package org.opensspr.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * The audit log's verification as gauges, read from the last {@link PeriodicAuditCheck} (never a
 * check of their own, like {@link AuditHealthIndicator}): {@code sspr.audit.verified} is 1 when the
 * log verified, 0 when it did not (tampered or broken: alert on it), NaN before the first check
 * and when the log could not be read; {@code sspr.audit.verify.age} is how long ago that check
 * ran, in seconds (NaN before the first), so an alert can also catch checks that stopped.
 */
@Component
class AuditMetrics {

    AuditMetrics(MeterRegistry registry, PeriodicAuditCheck check, Clock clock) {
        Gauge.builder("sspr.audit.verified", check, AuditMetrics::verified)
                .description(
                        "1: the audit log verified at the last check; 0: it did not; NaN: not checked or unreadable")
                .register(registry);
        Gauge.builder("sspr.audit.verify.age", check, c -> {
                    PeriodicAuditCheck.Result last = c.last();
                    return last == null
                            ? Double.NaN
                            : (clock.millis() - last.at().toEpochMilli()) / 1000.0;
                })
                .description("How long ago the audit log was last verified")
                .baseUnit("seconds")
                .register(registry);
    }

    static double verified(PeriodicAuditCheck check) {
        PeriodicAuditCheck.Result last = check.last();
        if (last == null || last.verification() == null) {
            return Double.NaN;
        }
        return last.verification().intact() ? 1 : 0;
    }
}
