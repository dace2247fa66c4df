package org.opensspr.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One audited step. {@code actor} is who acted (the user, an admin, {@code anonymous});
 * {@code target} is whom it concerned (the login as typed, which may not exist: the log must
 * not be the place where an unknown login stands out). {@code details} is the reason string
 * of Azure's "flow activity progress" events, or a short note; never a secret.
 */
public record AuditEvent(
        Instant time,
        String activity,
        AuditResult result,
        String actor,
        String target,
        String ip,
        ClientType clientType,
        String details) {

    public AuditEvent {
        Objects.requireNonNull(time, "time cannot be null");
        Objects.requireNonNull(activity, "activity cannot be null");
        Objects.requireNonNull(result, "result cannot be null");
        Objects.requireNonNull(clientType, "clientType cannot be null");
        actor = actor == null ? "anonymous" : actor;
        target = target == null ? "" : target;
        ip = ip == null ? "" : ip;
        details = details == null ? "" : details;
    }

    /** An event now-ish: {@code time} from the caller's clock, actor, IP and ClientType from {@code caller}. */
    public static AuditEvent of(
            java.time.Instant time, String activity, AuditResult result, Caller caller, String target, String details) {
        return new AuditEvent(
                time, activity, result, caller.actor(), target, caller.ip(), caller.clientType(), details);
    }
}
