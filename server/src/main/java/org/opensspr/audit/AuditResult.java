package org.opensspr.audit;

/** The outcome of an audited step. */
public enum AuditResult {
    Success,
    Failure,
    Blocked,
    Abandoned,
    Cancelled
}
