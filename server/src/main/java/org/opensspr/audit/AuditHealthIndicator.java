package org.opensspr.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code audit} in {@code /actuator/health}: the last {@link PeriodicAuditCheck}, never a check of
 * its own (a request does not read the log). DOWN when the log did not verify, with
 * {@code firstBrokenId} and {@code problem}; UP when it did; UNKNOWN before the first check and
 * when the log could not be read ({@code error}: the exception's class). Details (admins only):
 * {@code checkedAt}, {@code checked}, {@code sealed}, {@code unsealed}, {@code anchors} and any
 * {@code warning}. Not part of readiness: a tampered log is for people to look at, and taking the
 * node out of the balancer would not undo it.
 */
@Component
class AuditHealthIndicator implements HealthIndicator {

    private final PeriodicAuditCheck check;

    AuditHealthIndicator(PeriodicAuditCheck check) {
        this.check = check;
    }

    @Override
    public Health health() {
        PeriodicAuditCheck.Result last = check.last();
        if (last == null) {
            return Health.unknown()
                    .withDetail("reason", "not checked yet: the first check runs a minute after start")
                    .build();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("checkedAt", last.at().toString());
        if (last.verification() == null) {
            details.put("error", last.error());
            return Health.unknown().withDetails(details).build();
        }
        ChainVerification v = last.verification();
        details.put("intact", v.intact());
        details.put("checked", v.checked());
        details.put("sealed", v.sealed());
        details.put("unsealed", v.unsealed());
        details.put("anchors", v.anchors());
        if (v.warning() != null) {
            details.put("warning", v.warning());
        }
        if (v.intact()) {
            return Health.up().withDetails(details).build();
        }
        if (v.firstBrokenId() != null) {
            details.put("firstBrokenId", v.firstBrokenId());
        }
        details.put("problem", v.problem());
        return Health.down().withDetails(details).build();
    }
}
