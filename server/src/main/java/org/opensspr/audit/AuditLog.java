package org.opensspr.audit;

import java.util.List;

/**
 * The append-only audit log. {@link #record} writes in the caller's transaction, so an event
 * commits with the state change it describes and never alone; a step that must be on record
 * even when it refuses the request commits its transaction rather than rolling it back (see the
 * callers' {@code noRollbackFor}). Events are tamper-evident: each carries a keyed MAC, and a
 * background sealer chains them (see {@link JdbcAuditLog}).
 */
public interface AuditLog {

    void record(AuditEvent event);

    /** Newest first. */
    List<AuditEvent> search(AuditQuery query);

    /** Checks every event's MAC and the chain; says where the first break is. */
    ChainVerification verify();
}
