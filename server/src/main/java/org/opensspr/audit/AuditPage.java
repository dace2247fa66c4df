package org.opensspr.audit;

import java.util.List;

/**
 * A page of the audit log, newest first. {@code next} is the opaque cursor of the following page,
 * null when this page is the last: pass it back unchanged, with the same filter, as
 * {@link AuditQuery#cursor()}.
 */
public record AuditPage(List<AuditEvent> events, String next) {

    public AuditPage {
        events = List.copyOf(events);
    }
}
