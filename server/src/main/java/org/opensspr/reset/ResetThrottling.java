package org.opensspr.reset;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.opensspr.audit.Activity;
import org.opensspr.audit.AuditEvent;
import org.opensspr.audit.AuditLog;
import org.opensspr.audit.AuditResult;
import org.opensspr.audit.Caller;
import org.opensspr.audit.ClientType;
import org.opensspr.policy.MethodType;
import org.opensspr.system.Problems;
import org.opensspr.throttle.Throttle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Azure's throttling numbers for self-service password reset, across all nodes: 5 failed
 * verifications of one method within 1 hour, 5 failed identity checks (a typed address or
 * number that does not match) within 24 hours, or 10 codes sent within 10 minutes block the
 * login's reset for 24 hours; a successful reset clears the counters. Flow starts are also
 * limited per IP address ({@code sspr.reset.flow-starts-per-ip} per 10 minutes; API-key callers
 * are exempt). Logins are counted as typed, so unknown logins are blocked the same way.
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
    private final int startsPerIp;

    ResetThrottling(
            Throttle throttle,
            AuditLog audit,
            Clock clock,
            @Value("${sspr.reset.flow-starts-per-ip:30}") int startsPerIp) {
        if (startsPerIp < 1) {
            throw new IllegalArgumentException("sspr.reset.flow-starts-per-ip must be at least 1");
        }
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
        this.startsPerIp = startsPerIp;
    }

    /** Refuses a flow start from an address that started too many. */
    void checkStart(Caller caller) {
        if (caller.clientType() == ClientType.Api) {
            return;
        }
        if (throttle.count("start-ip:" + caller.ip(), START_WINDOW) > startsPerIp) {
            throw Problems.of(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "too-many-requests",
                    "Too many requests",
                    "Too many password resets were started from your network. Please wait a few minutes and try again.");
        }
    }

    /** Refuses anything for a blocked login. */
    void checkNotBlocked(String login, Caller caller) {
        Optional<Instant> until = throttle.blockedUntil(login);
        if (until.isPresent()) {
            audit.record(AuditEvent.of(
                    clock.instant(),
                    Activity.BLOCKED,
                    AuditResult.Blocked,
                    caller,
                    login,
                    "Attempt while blocked until " + until.get()));
            throw blocked();
        }
    }

    void verificationFailed(String login, MethodType type, Caller caller) {
        if (throttle.count("verify:" + type.id() + ":" + login, METHOD_WINDOW) >= MAX_METHOD_FAILURES) {
            block(
                    login,
                    caller,
                    "User failed the " + type.id() + " verification " + MAX_METHOD_FAILURES + " times within 1 hour");
        }
    }

    void identityFailed(String login, Caller caller) {
        if (throttle.count("identity:" + login, IDENTITY_WINDOW) >= MAX_IDENTITY_FAILURES) {
            block(login, caller, "User failed the identity check " + MAX_IDENTITY_FAILURES + " times within 24 hours");
        }
    }

    void codeSent(String login, Caller caller) {
        if (throttle.count("codes:" + login, CODE_WINDOW) >= MAX_CODES) {
            block(login, caller, "User was sent " + MAX_CODES + " codes within 10 minutes");
        }
    }

    void succeeded(String login) {
        throttle.clear(
                login,
                "identity:" + login,
                "codes:" + login,
                "verify:email:" + login,
                "verify:sms:" + login,
                "verify:totp:" + login,
                "verify:questions:" + login);
    }

    private void block(String login, Caller caller, String reason) {
        throttle.block(login, BLOCK, reason);
        audit.record(AuditEvent.of(clock.instant(), Activity.BLOCKED, AuditResult.Blocked, caller, login, reason));
    }

    static ErrorResponseException blocked() {
        return Problems.of(
                HttpStatus.TOO_MANY_REQUESTS,
                "reset-blocked",
                "Too many attempts",
                "You have tried too many times. For your security, password reset is blocked for up to 24 hours."
                        + " Contact your helpdesk if you need help sooner.");
    }
}
