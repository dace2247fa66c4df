/**
 * Notifications through a transactional outbox: a flow commits its messages with its own state,
 * the dispatcher delivers them (email by SMTP, SMS through an HTTP gateway with a templated
 * request, or the outbox folder when neither is configured) with retries. Calls {@code branding}
 * (the organisation's name and colour in mails) and {@code system}.
 */
package org.opensspr.notify;
