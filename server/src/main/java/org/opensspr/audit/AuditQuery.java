package org.opensspr.audit;

/**
 * One page of the audit log: the events {@code filter} matches, newest first, at most {@code limit}
 * ({@value #MIN_LIMIT}-{@value #MAX_LIMIT}), older than the page that {@code cursor} ended (the
 * {@link AuditPage#next()} of the page before; null for the first page). Paging is by keyset on the
 * event id, never an offset: following the cursors until there is none returns every matching event
 * once, however many are written meanwhile (newer events come before the first page's).
 */
public record AuditQuery(AuditFilter filter, int limit, String cursor) {

    public static final int MIN_LIMIT = 1;
    public static final int MAX_LIMIT = 1000;
    /** The page size when a client does not choose one. */
    public static final int DEFAULT_LIMIT = 100;

    public AuditQuery {
        filter = filter == null ? AuditFilter.ALL : filter;
        if (limit < MIN_LIMIT || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between " + MIN_LIMIT + " and " + MAX_LIMIT);
        }
        cursor = cursor == null || cursor.isEmpty() ? null : cursor;
    }

    /** The first page of {@code filter}. */
    public static AuditQuery first(AuditFilter filter, int limit) {
        return new AuditQuery(filter, limit, null);
    }
}
