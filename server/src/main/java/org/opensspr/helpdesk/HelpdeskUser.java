package org.opensspr.helpdesk;

import java.time.Instant;
import java.util.List;
import org.opensspr.audit.AuditEvent;

/**
 * A user as the helpdesk sees them: never a full address, number, secret or answer.
 *
 * @param inScope whether the policy lets this user reset their password
 * @param required how many methods must count for a reset
 * @param methods the methods that count for the user, masked
 * @param canReset whether enough methods count ({@code methods} has at least {@code required})
 * @param registration where registration stands
 * @param blocks what keeps the user out now
 * @param lastActivity the newest audit events whose target is the user, newest first
 */
public record HelpdeskUser(
        String login,
        String displayName,
        boolean inScope,
        int required,
        List<Method> methods,
        boolean canReset,
        Registration registration,
        Blocks blocks,
        List<AuditEvent> lastActivity) {

    public HelpdeskUser {
        methods = List.copyOf(methods);
        lastActivity = List.copyOf(lastActivity);
    }

    /**
     * A method that counts: its type ({@code email}, {@code sms}, {@code totp}, {@code questions}),
     * the masked address or number (empty for totp and questions), where it comes from ({@code
     * registered} by the user, {@code prefilled} by an admin, {@code directory}), and when the user
     * registered or last confirmed it (null unless registered).
     */
    public record Method(String type, String hint, String source, Instant registeredAt) {}

    /**
     * @param registrationRequired the interrupt after signing in applies to this user (policy or helpdesk)
     * @param reconfirmDue a registration is older than the policy's {@code reconfirmDays}, or the helpdesk asked
     * @param demandedByHelpdesk the helpdesk asked for re-registration and the user has not confirmed yet
     * @param interrupt what the next sign-in asks: {@code NONE}, {@code SET_UP} or {@code RECONFIRM}
     */
    public record Registration(
            boolean registrationRequired, boolean reconfirmDue, boolean demandedByHelpdesk, String interrupt) {}

    /**
     * @param reset the blocks from self-service password reset in force
     * @param signInLockedUntil when the user may next try a password (sign-in throttle), null when they need not wait
     */
    public record Blocks(List<ResetBlock> reset, Instant signInLockedUntil) {

        public Blocks {
            reset = List.copyOf(reset);
        }
    }

    /**
     * A block from self-service password reset: {@code everywhere} true for the login's own block,
     * false for a block from one network or device; until when, and why.
     */
    public record ResetBlock(boolean everywhere, Instant until, String reason) {}
}
