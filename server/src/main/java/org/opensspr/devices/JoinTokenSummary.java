package org.opensspr.devices;

import java.time.Instant;
import java.util.List;

/**
 * A join token in the admin's list; the token itself is never shown again after it was issued.
 * {@code id} is {@code jt_} and the first 16 hex digits of its SHA-256, enough to name it and useless
 * to join with. {@code state}, first match wins: {@code revoked}, {@code expired}, {@code used-up},
 * {@code active}. {@code usesLeft} is 0 once revoked. {@code groups} leaves out the implicit {@code all}.
 */
public record JoinTokenSummary(
        String id,
        String state,
        int usesLeft,
        List<String> groups,
        String createdBy,
        Instant createdAt,
        Instant expiresAt) {

    public static final String REVOKED = "revoked";
    public static final String EXPIRED = "expired";
    public static final String USED_UP = "used-up";
    public static final String ACTIVE = "active";
}
