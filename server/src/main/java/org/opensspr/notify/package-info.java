/**
 * Notifications through a transactional outbox: a flow commits its messages with its own state,
 * the dispatcher delivers them (SMTP, or the outbox folder when no SMTP server is configured)
 * with retries. Calls no feature.
 */
package org.opensspr.notify;
