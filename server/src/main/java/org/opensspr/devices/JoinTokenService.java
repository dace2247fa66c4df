package org.opensspr.devices;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opensspr.audit.Activity;
import org.opensspr.audit.AuditEvent;
import org.opensspr.audit.AuditLog;
import org.opensspr.audit.AuditResult;
import org.opensspr.audit.Caller;
import org.opensspr.secrets.Digests;
import org.opensspr.system.InvalidInput;
import org.opensspr.system.ProblemCode;
import org.opensspr.system.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's side of join tokens: issuing ({@code join_} + 256 bits, shown once, stored as SHA-256),
 * listing and revoking them. A token is named by its id, {@code jt_} + the first 16 hex digits of its
 * hash, which is useless to join with. A device spends a use through {@link DeviceService#join}.
 * Issuing purges the tokens that expired more than {@link #LISTED_AFTER_EXPIRY} ago; until then the
 * list shows spent, expired and revoked tokens too. Every change is audited.
 */
@Service
public class JoinTokenService {

    /** What a join token's id in the admin's list starts with (the rest: hex digits of its hash). */
    static final String ID_PREFIX = "jt_";
    /** How long a spent, expired or revoked join token stays listed after it expires, before the purge forgets it. */
    static final Duration LISTED_AFTER_EXPIRY = Duration.ofDays(7);

    private static final int MAX_LIMIT = 1000;

    private final JdbcJoinTokenRepository joinTokens;
    private final AuditLog audit;
    private final Clock clock;

    JoinTokenService(JdbcJoinTokenRepository joinTokens, AuditLog audit, Clock clock) {
        this.joinTokens = joinTokens;
        this.audit = audit;
        this.clock = clock;
    }

    /** Issues a join token good for {@code uses} joins (1-1000) within {@code hours} (1-720); shown this once. */
    @Transactional
    public String issue(int uses, int hours, List<String> groups, Caller admin) {
        if (uses < 1 || uses > 1000) {
            throw new IllegalArgumentException("uses must be between 1 and 1000");
        }
        if (hours < 1 || hours > 720) {
            throw new IllegalArgumentException("expiresInHours must be between 1 and 720");
        }
        List<String> checked = DeviceGroups.checkAll(groups);
        String token = DeviceService.JOIN_TOKEN_PREFIX + Digests.newToken();
        long now = clock.millis();
        joinTokens.purge(now - LISTED_AFTER_EXPIRY.toMillis());
        String hash = Digests.sha256(token);
        joinTokens.insert(
                hash,
                uses,
                checked,
                admin.actor(),
                now,
                now + Duration.ofHours(hours).toMillis());
        audit.record(AuditEvent.of(
                clock.instant(),
                Activity.CREATE_JOIN_TOKEN,
                AuditResult.Success,
                admin,
                joinTokenId(hash),
                uses + " uses, " + hours + " hours, groups " + checked));
        return token;
    }

    /**
     * Join tokens, newest first: every token until a week after it expired ({@link
     * #LISTED_AFTER_EXPIRY}), {@code offset} 0 or more, {@code limit} 1-1000 (else {@code 400}).
     */
    public JoinTokenList list(int offset, int limit) {
        if (offset < 0) {
            throw new InvalidInput(ProblemCode.OFFSET_INVALID);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInput(ProblemCode.LIMIT_INVALID, Integer.toString(MAX_LIMIT));
        }
        long now = clock.millis();
        long listedFrom = now - LISTED_AFTER_EXPIRY.toMillis();
        List<JoinTokenSummary> tokens = joinTokens.list(listedFrom, offset, limit).stream()
                .map(t -> new JoinTokenSummary(
                        joinTokenId(t.hash()),
                        t.usesLeft() < 0
                                ? JoinTokenSummary.REVOKED
                                : t.expiresAt() <= now
                                        ? JoinTokenSummary.EXPIRED
                                        : t.usesLeft() == 0 ? JoinTokenSummary.USED_UP : JoinTokenSummary.ACTIVE,
                        Math.max(0, t.usesLeft()),
                        t.groups(),
                        t.createdBy(),
                        Instant.ofEpochMilli(t.createdAt()),
                        Instant.ofEpochMilli(t.expiresAt())))
                .toList();
        return new JoinTokenList(tokens, joinTokens.count(listedFrom));
    }

    /**
     * Revokes the join token {@code id} ({@code jt_...}): no device can join with it from now on.
     * Audited; revoking a revoked token changes nothing and is not audited again. Unknown id: {@code 404}.
     */
    @Transactional
    public void revoke(String id, Caller admin) {
        String prefix = id == null ? "" : id.substring(Math.min(id.length(), ID_PREFIX.length()));
        if (id == null
                || !id.startsWith(ID_PREFIX)
                || !prefix.matches("[0-9a-f]{" + JdbcJoinTokenRepository.ID_HEX_DIGITS + "}")) {
            throw Problems.of(ProblemCode.JOIN_TOKEN_NOT_FOUND, id);
        }
        Optional<Integer> usesLeft = joinTokens.revoke(prefix);
        if (usesLeft.isPresent()) {
            audit.record(AuditEvent.of(
                    clock.instant(),
                    Activity.REVOKE_JOIN_TOKEN,
                    AuditResult.Success,
                    admin,
                    id,
                    usesLeft.get() + " uses were left"));
        } else if (!joinTokens.exists(prefix)) {
            throw Problems.of(ProblemCode.JOIN_TOKEN_NOT_FOUND, id);
        }
    }

    private static String joinTokenId(String hash) {
        return ID_PREFIX + hash.substring(0, JdbcJoinTokenRepository.ID_HEX_DIGITS);
    }

    /** A page of join tokens and how many there are in all. */
    public record JoinTokenList(List<JoinTokenSummary> joinTokens, int total) {}
}
