package org.opensspr.audit;

import java.io.IOException;

/**
 * The append-only audit log. {@link #record} writes in the caller's transaction, so an event
 * commits with the state change it describes and never alone; a step that must be on record
 * even when it refuses the request commits its transaction rather than rolling it back (see the
 * callers' {@code noRollbackFor}). Events are tamper-evident: each carries a keyed MAC, and a
 * background sealer chains them (see {@link JdbcAuditLog}).
 */
public interface AuditLog {

    void record(AuditEvent event);

    /**
     * One page of the events the query's filter matches, newest first, with the cursor of the next.
     *
     * @throws InvalidAuditCursor when the query's cursor was not issued by this log for this filter
     *     (malformed, edited, or from another filter)
     */
    AuditPage search(AuditQuery query);

    /**
     * Every event {@code filter} matches, newest first, handed to {@code each} one at a time as it is
     * read from the database (a cursor in one read-only transaction on one connection), so an export
     * of any size takes constant memory. The connection is held until the last event is handed over.
     *
     * @throws IOException what {@code each} threw; no further event is read
     */
    void export(AuditFilter filter, EventSink each) throws IOException;

    /** Checks every event's MAC and the chain; says where the first break is. */
    ChainVerification verify();

    /** Takes the events of an export, typically writing them to a response. */
    @FunctionalInterface
    interface EventSink {
        void accept(AuditEvent event) throws IOException;
    }
}
