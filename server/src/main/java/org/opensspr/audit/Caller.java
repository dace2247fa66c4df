package org.opensspr.audit;

import java.util.Objects;

/** Who is calling, as the audit log records it on every event: the actor, their IP address and ClientType. */
public record Caller(String actor, String ip, ClientType clientType) {

    public Caller {
        Objects.requireNonNull(clientType, "clientType cannot be null");
        actor = actor == null || actor.isBlank() ? "anonymous" : actor;
        ip = ip == null ? "" : ip;
    }

    /**
     * The same caller as the client its flow was started from: the steps after the start are
     * recorded with the flow's ClientType (a sign-in screen flow stays LogonScreen even though its
     * later requests carry no session token).
     */
    public Caller withClientType(ClientType type) {
        return new Caller(actor, ip, type);
    }

    /** The same caller, acting as {@code actor} (a flow's user once known). */
    public Caller as(String newActor) {
        return new Caller(newActor, ip, clientType);
    }
}
