package org.opensspr.audit;

/**
 * What {@link AuditLog#verify()} found. {@code checked} events were read (the legacy unkeyed
 * chain, the keyed chain and the events not sealed yet); {@code firstBrokenId} is the
 * {@code audit_record} id of the first event that does not verify, or null when everything
 * does or the break is not at one event (a cut tail, a changed head, a bad anchor line);
 * {@code problem} says what is wrong, null when intact. {@code anchors} is how many lines of this
 * node's anchor file verified and were checked against the chain; {@code warning}, null when
 * there is nothing to say, is what keeps an intact answer from covering everything (no anchor
 * yet, so a cut tail with a rewound head could not be seen).
 */
public record ChainVerification(
        long checked, long sealed, long unsealed, Long firstBrokenId, String problem, long anchors, String warning) {

    public boolean intact() {
        return firstBrokenId == null && problem == null;
    }
}
