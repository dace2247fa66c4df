package org.opensspr.audit;

import java.time.Instant;

/** A filter over the audit log; null fields do not filter. {@code limit} is 1-1000 (default 100). */
public record AuditQuery(String target, String activity, Instant from, Instant to, Integer limit) {

    public AuditQuery {
        if (limit == null) {
            limit = 100;
        }
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000");
        }
    }
}
