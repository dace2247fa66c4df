package org.opensspr.audit;

/**
 * A page cursor this log did not issue for the query's filter: malformed, edited, or taken from a
 * query with other filters. The caller answers it as bad input; the cursor is never logged.
 */
public final class InvalidAuditCursor extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    InvalidAuditCursor() {
        super("the audit cursor is not valid for this query");
    }
}
