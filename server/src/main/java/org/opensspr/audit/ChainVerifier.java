package org.opensspr.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One run of {@link JdbcAuditLog#verify()}: walks the log in chain order (legacy chain, keyed chain,
 * unsealed events), checks it against the head and this node's anchors, and remembers the first
 * thing that does not verify.
 */
final class ChainVerifier {

    private final JdbcAuditLog log;

    private String previous = JdbcAuditLog.GENESIS;
    private long position;
    private long checked;
    private long sealed;
    private long unsealed;
    private Long brokenId;
    private String problem;
    private String warning;
    private AuditAnchors.Contents anchorFile;
    private final NavigableMap<Long, List<AuditAnchors.Anchor>> anchored = new TreeMap<>();
    private JdbcAuditLog.Head head;

    ChainVerifier(JdbcAuditLog log) {
        this.log = log;
    }

    void anchors(AuditAnchors.Contents contents) {
        anchorFile = contents;
        if (contents != null) {
            for (AuditAnchors.Anchor anchor : contents.anchors()) {
                anchored.computeIfAbsent(anchor.position(), p -> new ArrayList<>())
                        .add(anchor);
            }
        }
    }

    void head(JdbcAuditLog.Head current) {
        head = current;
    }

    void legacy(ResultSet rs) throws SQLException {
        checked++;
        long seq = rs.getLong("legacy_seq");
        String expected = JdbcAuditLog.legacyHash(previous, seq, JdbcAuditLog.event(rs));
        if (!previous.equals(JdbcAuditLog.trim(rs.getString("legacy_prev_hash")))
                || !expected.equals(JdbcAuditLog.trim(rs.getString("row_mac")))) {
            broken(
                    rs.getLong("id"),
                    "the event written before the audit key (number " + seq + ") was changed,"
                            + " or one before it is missing");
        }
        previous = JdbcAuditLog.trim(rs.getString("row_mac"));
    }

    void startKeyedChain() {
        position = 0;
        if (head.position() == 0 && !head.chainMac().equals(previous)) {
            broken(null, "the head does not match the end of the chain: the head was changed");
        }
    }

    void sealed(ResultSet rs) throws SQLException {
        checked++;
        sealed++;
        position++;
        long id = rs.getLong("id");
        String rowMac = JdbcAuditLog.trim(rs.getString("row_mac"));
        if (rs.getLong("chain_pos") != position) {
            broken(id, "chain position " + position + " is missing");
            position = rs.getLong("chain_pos");
        }
        if (!rowMac.equals(log.rowMac(JdbcAuditLog.event(rs)))) {
            broken(id, "the event was changed after it was written");
        }
        String expected = log.link(previous, position, rowMac);
        if (!expected.equals(JdbcAuditLog.trim(rs.getString("chain_mac")))) {
            broken(id, "the chain is broken here: an event before it was removed, added or reordered");
        }
        previous = JdbcAuditLog.trim(rs.getString("chain_mac"));
        if (position == head.position() && !previous.equals(head.chainMac())) {
            broken(id, "the head names another chain MAC for position " + position + ": the head was changed");
        }
        for (AuditAnchors.Anchor anchor : anchored.getOrDefault(position, List.of())) {
            if (!anchor.chainMac().equals(previous)) {
                broken(
                        id,
                        "the anchor of " + anchor.time() + " (line " + anchor.line() + " of "
                                + log.anchors().file()
                                + ") names another chain MAC for position " + position
                                + ": the log was rewritten from here");
            }
        }
    }

    /** After the keyed chain: it must reach the head and the newest anchor; the anchor file must verify. */
    void endKeyedChain() {
        if (position < head.position()) {
            broken(
                    null,
                    "the chain ends at position " + position + " but its head says " + head.position()
                            + ": events at the end were removed, or the head was changed");
        }
        if (!anchored.isEmpty() && anchored.lastKey() > position) {
            AuditAnchors.Anchor newest = anchored.lastEntry().getValue().get(0);
            broken(
                    null,
                    "the chain ends at position " + position + " but the anchor of " + newest.time() + " (line "
                            + newest.line() + " of " + log.anchors().file() + ") says it reached " + newest.position()
                            + ": events at the end were removed and the head rewound");
        }
        if (anchorFile == null) {
            broken(null, "the anchor file " + log.anchors().file() + " cannot be read");
        } else if (anchorFile.firstBadLine() > 0) {
            broken(
                    null,
                    "line " + anchorFile.firstBadLine() + " of the anchor file "
                            + log.anchors().file()
                            + " does not verify: it was changed or written without the audit key");
        } else if (position > 0 && anchorFile.anchors().isEmpty()) {
            warning = (anchorFile.exists()
                            ? "the anchor file " + log.anchors().file() + " has no anchors"
                            : "there is no anchor file " + log.anchors().file())
                    + ": events cut from the end with a rewound head would go unnoticed until this node"
                    + " anchors the chain (within a minute while it runs)";
        }
    }

    void unsealed(ResultSet rs) throws SQLException {
        checked++;
        unsealed++;
        if (!JdbcAuditLog.trim(rs.getString("row_mac")).equals(log.rowMac(JdbcAuditLog.event(rs)))) {
            broken(rs.getLong("id"), "the event was changed after it was written");
        }
    }

    private void broken(Long id, String what) {
        if (problem == null) {
            brokenId = id;
            problem = what;
        }
    }

    ChainVerification result() {
        long anchorCount = anchorFile == null ? 0 : anchorFile.anchors().size();
        return new ChainVerification(checked, sealed, unsealed, brokenId, problem, anchorCount, warning);
    }
}
