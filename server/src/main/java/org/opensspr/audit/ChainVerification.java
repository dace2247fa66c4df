package org.opensspr.audit;

/**
 * What {@link AuditLog#verify()} found. {@code checked} events were read (the legacy unkeyed
 * chain, the keyed chain and the events not sealed yet); {@code firstBrokenId} is the
 * {@code audit_record} id of the first event that does not verify, or null when everything
 * does; {@code problem} says what is wrong there.
 */
public record ChainVerification(long checked, long sealed, long unsealed, Long firstBrokenId, String problem) {

    public boolean intact() {
        return firstBrokenId == null && problem == null;
    }
}
