package org.opensspr.reset;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opensspr.audit.ClientType;

/**
 * A reset flow in progress, as stored. {@code idHash} is the SHA-256 of the flow id the client
 * holds. A {@code decoy} flow belongs to a login that is unknown, out of scope or not registered:
 * it behaves like a real one until a verification, which it never passes.
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
        Instant expiresAt) {

    enum Status {
        OPEN,
        COMPLETED,
        LOCKED,
        ABANDONED
    }

    Optional<FlowMethod> method(String methodId) {
        return methods.stream().filter(method -> method.id().equals(methodId)).findFirst();
    }
}
