package org.opensspr.audit;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The audit log's background work on every node: every second it seals what is pending
 * ({@link JdbcAuditLog#sealPending()}), then anchors the chain's head in this node's
 * {@link AuditAnchors} when the head moved, at most once per {@link #SPACING}: right after a seal
 * when the last anchor is older than that, else at the end of the spacing. Seals by other nodes
 * are anchored too (the head is read at least once per {@link #SPACING}), so each node's file
 * witnesses the whole chain. On a graceful stop it seals and anchors once more, so the file covers
 * everything this node wrote. A file that cannot be written is logged (WARN) and tried again one
 * spacing later; sealing goes on.
 */
@Component
final class AuditSealer implements DisposableBean {

    /** The least time between two anchors of one node. */
    static final Duration SPACING = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);

    private final JdbcAuditLog audit;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private long anchoredPosition = -1;
    private boolean anchoredOnce;
    private long anchoredAt;
    private boolean headReadOnce;
    private long headReadAt;
    private boolean sealedSinceAnchor;
    private boolean lastAttemptFailed;
    private boolean databaseFailing;

    @Autowired
    AuditSealer(JdbcAuditLog audit, Clock clock) {
        this(audit, clock, System::nanoTime);
    }

    /** For tests: the spacing measured with {@code nanoTime}. */
    AuditSealer(JdbcAuditLog audit, Clock clock, LongSupplier nanoTime) {
        this.audit = audit;
        this.clock = clock;
        this.nanoTime = nanoTime;
    }

    /**
     * A database that cannot be reached is logged once (WARN) and once more when it is back, not
     * with a stack trace every second: the events wait in the table and are sealed afterwards.
     */
    @Scheduled(fixedDelay = 1_000, initialDelay = 1_000)
    void tick() {
        try {
            anchorIfDue(audit.sealPending());
            if (databaseFailing) {
                log.info("The audit log can be sealed again");
                databaseFailing = false;
            }
        } catch (TransientDataAccessException
                | DataAccessResourceFailureException
                | CannotCreateTransactionException e) {
            if (!databaseFailing) {
                log.warn("Cannot seal the audit log, trying again every second: {}", e.toString());
                databaseFailing = true;
            } else {
                log.debug("Cannot seal the audit log", e);
            }
        }
    }

    /** Anchors the head if it is due after {@code sealed} events were sealed here; returns whether it wrote one. */
    synchronized boolean anchorIfDue(int sealed) {
        sealedSinceAnchor |= sealed > 0;
        long now = nanoTime.getAsLong();
        boolean due;
        if (!headReadOnce) {
            due = true;
        } else if (sealedSinceAnchor && !lastAttemptFailed) {
            due = !anchoredOnce || now - anchoredAt >= SPACING.toNanos();
        } else {
            due = now - headReadAt >= SPACING.toNanos();
        }
        return due && anchor();
    }

    /**
     * Appends the chain's current head to the anchor file unless it is empty or this node anchored
     * that position already; returns whether it wrote a line.
     */
    synchronized boolean anchor() {
        JdbcAuditLog.Head head = audit.head();
        long now = nanoTime.getAsLong();
        headReadOnce = true;
        headReadAt = now;
        if (head.position() == 0 || head.position() == anchoredPosition) {
            sealedSinceAnchor = false;
            return false;
        }
        try {
            audit.anchors().append(clock.instant(), head.position(), head.chainMac());
        } catch (IOException e) {
            lastAttemptFailed = true;
            log.warn(
                    "Cannot write the audit anchor to {} (trying again in {} s): {}",
                    audit.anchors().file(),
                    SPACING.toSeconds(),
                    e.toString());
            return false;
        }
        lastAttemptFailed = false;
        anchoredPosition = head.position();
        anchoredOnce = true;
        anchoredAt = now;
        sealedSinceAnchor = false;
        return true;
    }

    /** On a graceful stop: seal what is pending and anchor it. */
    @Override
    public void destroy() {
        try {
            audit.sealPending();
            anchor();
        } catch (RuntimeException e) {
            log.warn("Could not seal and anchor the audit log at stop: {}", e.toString());
        }
    }
}
