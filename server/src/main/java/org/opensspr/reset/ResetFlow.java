package org.opensspr.reset;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opensspr.audit.ClientType;

/**
 * A reset flow in progress, as stored. {@code idHash} is the SHA-256 of the flow id the client
 * holds. A {@code decoy} flow belongs to a login that is unknown, out of scope or not registered:
 * it behaves like a real one until a verification, which it never passes. {@code admin}: the user
 * was in the admin group when the flow started (their reset notifies the other admins).
 */
record ResetFlow(
        String idHash,
        String login,
        String userDn,
        boolean decoy,
        ClientType clientType,
        String ip,
        int required,
        List<FlowMethod> methods,
        Status status,
        int challengesSent,
        int failedVerifications,
        Instant createdAt,
        Instant expiresAt,
        boolean admin) {

    /**
     * OPEN until verified and finished; WRITING while its new password or unlock goes to the
     * directory (the intent is committed first, so a crash in between is found and reconciled by
     * {@link InterruptedWrites}); then COMPLETED, or LOCKED after too many failures, or ABANDONED.
     */
    enum Status {
        OPEN,
        WRITING,
        COMPLETED,
        LOCKED,
        ABANDONED
    }

    /** What a WRITING flow is writing to the directory. */
    enum PendingAction {
        PASSWORD,
        UNLOCK
    }

    Optional<FlowMethod> method(String methodId) {
        return methods.stream().filter(method -> method.id().equals(methodId)).findFirst();
    }
}
