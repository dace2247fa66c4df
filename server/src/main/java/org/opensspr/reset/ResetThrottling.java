package org.opensspr.reset;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.opensspr.audit.Activity;
import org.opensspr.audit.AuditEvent;
import org.opensspr.audit.AuditLog;
import org.opensspr.audit.AuditResult;
import org.opensspr.audit.Caller;
import org.opensspr.audit.ClientType;
import org.opensspr.policy.MethodType;
import org.opensspr.secrets.Digests;
import org.opensspr.system.ProblemCode;
import org.opensspr.system.Problems;
import org.opensspr.throttle.Throttle;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Azure's throttling numbers for self-service password reset, across all nodes: 5 failed
 * verifications of one method within 1 hour, 5 failed identity checks (a typed address or
 * number that does not match) within 24 hours, or 10 codes sent within 10 minutes block the
 * login's reset for 24 hours; a successful reset clears the counters. Logins are counted as typed,
 * so unknown logins are blocked the same way.
 *
 * <p>Unlike Azure, failures are counted and the block applies per login <em>and</em> {@link
 * ResetSource} (the flow's device, or the network that started it): one attacker's five wrong codes
 * block that login from the attacker's network only, not the user at home or at their own PC. Once
 * {@code sspr.reset.sources-before-user-block} (3) different sources are blocked for the same login
 * at once, the login is blocked everywhere for 24 h, so guessing stays bounded by a few times
 * Azure's allowance; even then a joined device's sign-in screen, whose device credential is a proof
 * of possession no remote attacker has, stays open to the user (its own failures still block it).
 * Every block is audited as "Blocked from self-service password reset".
 *
 * <p>Flow starts are limited per 10 minutes: per IP address for anonymous callers ({@code
 * sspr.reset.flow-starts-per-ip}), per device for sign-in-screen flows ({@code
 * sspr.reset.flow-starts-per-device}), so the devices of a site behind one NAT address do not share
 * one budget. API-key callers are exempt.
 */
@Component
class ResetThrottling {

    static final int MAX_METHOD_FAILURES = 5;
    static final Duration METHOD_WINDOW = Duration.ofHours(1);
    static final int MAX_IDENTITY_FAILURES = 5;
    static final Duration IDENTITY_WINDOW = Duration.ofHours(24);
    static final int MAX_CODES = 10;
    static final Duration CODE_WINDOW = Duration.ofMinutes(10);
    static final Duration BLOCK = Duration.ofHours(24);
    static final Duration START_WINDOW = Duration.ofMinutes(10);

    private final Throttle throttle;
    private final AuditLog audit;
    private final Clock clock;
    private final ResetThrottlingProperties limits;
    private final ResetMetrics metrics;

    ResetThrottling(
            Throttle throttle, AuditLog audit, Clock clock, ResetThrottlingProperties limits, ResetMetrics metrics) {
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
        this.limits = limits;
        this.metrics = metrics;
    }

    /** Refuses a flow start from an address, or a sign-in screen's device, that started too many. */
    void checkStart(Caller caller, ResetSource source) {
        if (caller.clientType() == ClientType.Api) {
            return;
        }
        if (source.device()) {
            if (throttle.count("start-" + source.key(), START_WINDOW) > limits.flowStartsPerDevice()) {
                metrics.throttled(ResetMetrics.Throttled.FLOW_STARTS_DEVICE);
                throw Problems.of(ProblemCode.TOO_MANY_REQUESTS_FROM_DEVICE);
            }
            return;
        }
        if (throttle.count("start-ip:" + caller.ip(), START_WINDOW) > limits.flowStartsPerIp()) {
            metrics.throttled(ResetMetrics.Throttled.FLOW_STARTS_NETWORK);
            throw Problems.of(ProblemCode.TOO_MANY_REQUESTS_FROM_NETWORK);
        }
    }

    /** Refuses anything for a login blocked from this source, or blocked everywhere (but at a device's sign-in screen). */
    void checkNotBlocked(String login, ResetSource source, Caller caller) {
        Optional<Instant> until = blockedUntil(login, source);
        if (until.isPresent()) {
            metrics.throttled(ResetMetrics.Throttled.BLOCKED_ATTEMPT);
            audit.record(AuditEvent.of(
                    clock.instant(),
                    Activity.BLOCKED,
                    AuditResult.Blocked,
                    caller,
                    login,
                    "Attempt while blocked until " + until.get() + " (from " + source + ")"));
            throw blocked();
        }
    }

    /** Whether the login is blocked from this source, or everywhere (but at a device's sign-in screen); records nothing. */
    boolean blocked(String login, ResetSource source) {
        return blockedUntil(login, source).isPresent();
    }

    private Optional<Instant> blockedUntil(String login, ResetSource source) {
        Optional<Instant> until = throttle.blockedUntil(scope(login, source));
        if (until.isEmpty() && !source.device()) {
            until = throttle.blockedUntil(login);
        }
        return until;
    }

    void verificationFailed(String login, ResetSource source, MethodType type, Caller caller) {
        if (throttle.count("verify:" + type.id() + ":" + scope(login, source), METHOD_WINDOW) >= MAX_METHOD_FAILURES) {
            block(
                    login,
                    source,
                    caller,
                    "User failed the " + type.id() + " verification " + MAX_METHOD_FAILURES + " times within 1 hour");
        }
    }

    void identityFailed(String login, ResetSource source, Caller caller) {
        if (throttle.count("identity:" + scope(login, source), IDENTITY_WINDOW) >= MAX_IDENTITY_FAILURES) {
            block(
                    login,
                    source,
                    caller,
                    "User failed the identity check " + MAX_IDENTITY_FAILURES + " times within 24 hours");
        }
    }

    void codeSent(String login, ResetSource source, Caller caller) {
        if (throttle.count("codes:" + scope(login, source), CODE_WINDOW) >= MAX_CODES) {
            block(login, source, caller, "User was sent " + MAX_CODES + " codes within 10 minutes");
        }
    }

    /** After a reset or unlock: lifts the login's block everywhere and from this source, and clears this source's counts. */
    void succeeded(String login, ResetSource source) {
        String scope = scope(login, source);
        throttle.clear(login);
        throttle.clear(
                scope,
                "identity:" + scope,
                "codes:" + scope,
                "verify:email:" + scope,
                "verify:sms:" + scope,
                "verify:totp:" + scope,
                "verify:questions:" + scope);
    }

    private void block(String login, ResetSource source, Caller caller, String reason) {
        throttle.block(scope(login, source), BLOCK, reason);
        metrics.throttled(ResetMetrics.Throttled.BLOCK);
        audit.record(AuditEvent.of(
                clock.instant(),
                Activity.BLOCKED,
                AuditResult.Blocked,
                caller,
                login,
                reason + " (from " + source + ")"));
        int sources = throttle.blocksStartingWith(scopePrefix(login));
        if (sources >= limits.sourcesBeforeUserBlock()
                && throttle.blockedUntil(login).isEmpty()) {
            String everywhere = "User was blocked from " + sources + " different networks or devices within 24 hours";
            throttle.block(login, BLOCK, everywhere);
            metrics.throttled(ResetMetrics.Throttled.BLOCK_EVERYWHERE);
            audit.record(AuditEvent.of(
                    clock.instant(),
                    Activity.BLOCKED,
                    AuditResult.Blocked,
                    caller,
                    login,
                    everywhere + " (everywhere)"));
        }
    }

    /**
     * The throttle key of a login at a source. The login goes in as its SHA-256, a fixed-length
     * prefix, so that a typed login can never pose as another login's key at some other source.
     */
    private static String scope(String login, ResetSource source) {
        return scopePrefix(login) + source.key();
    }

    static String scopePrefix(String login) {
        return "src:" + Digests.sha256(login.strip().toLowerCase(Locale.ROOT)) + ":";
    }

    static ErrorResponseException blocked() {
        return Problems.of(ProblemCode.RESET_BLOCKED);
    }
}
