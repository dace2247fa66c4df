package org.opensspr.audit;

import java.util.List;

/**
 * The append-only audit log. {@link #record} commits on its own, whatever happens to the
 * caller's transaction: a step that failed and rolled back is still on record.
 */
public interface AuditLog {

    void record(AuditEvent event);

    /** Newest first. */
    List<AuditEvent> search(AuditQuery query);

    /** Recomputes the hash chain; returns the sequence number of the first broken link, or -1 if intact. */
    long verifyChain();
}
