package org.opensspr.helpdesk;

import java.time.Instant;
import java.util.List;
import org.opensspr.audit.AuditEvent;
import org.opensspr.audit.ClientType;

/**
 * What a support code leads to: when and where the page showed the error, what the error was
 * (its class and message), the caller's address and ClientType, the login (the signed-in user or
 * the login typed; null when there was none), the user's display name when the directory knows
 * the login (else null), and the audit events about that login from five minutes before to one
 * minute after the error, newest first.
 */
public record SupportCodeLookup(
        String code,
        Instant occurredAt,
        String page,
        String error,
        String ip,
        ClientType clientType,
        String login,
        String displayName,
        List<AuditEvent> events) {

    public SupportCodeLookup {
        events = List.copyOf(events);
    }
}
