/**
 * The audit log: append-only, keyed and chained (tamper-evident), named as in Azure AD so admins recognise the events.
 * Every feature calls it; it calls no feature (an ArchUnit test says so).
 */
package org.opensspr.audit;
