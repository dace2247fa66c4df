package org.opensspr.devices;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.opensspr.audit.Activity;
import org.opensspr.audit.AuditEvent;
import org.opensspr.audit.AuditLog;
import org.opensspr.audit.AuditResult;
import org.opensspr.audit.Caller;
import org.opensspr.audit.ClientType;
import org.opensspr.readiness.OmaUris;
import org.opensspr.secrets.Digests;
import org.opensspr.system.ProblemCode;
import org.opensspr.system.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * Logon sessions: the temporary, low-privilege identity of a device's sign-in screen (Azure's
 * {@code defaultuser1}). A session token ({@code lgn_} + 256 bits, stored as SHA-256) lives
 * {@value #MINUTES} minutes and may start exactly one reset flow, which it then follows: it is
 * deleted when that flow completes or locks, and purged once expired. A device whose effective
 * configuration does not set {@link OmaUris#ALLOW_PASSWORD_RESET} to 1 gets none (403).
 */
@Service
public class LogonSessionService {

    static final int MINUTES = 15;
    static final String PREFIX = "lgn_";

    private final JdbcLogonSessionRepository sessions;
    private final DeviceService devices;
    private final AuditLog audit;
    private final Clock clock;

    LogonSessionService(JdbcLogonSessionRepository sessions, DeviceService devices, AuditLog audit, Clock clock) {
        this.sessions = sessions;
        this.devices = devices;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Starts a session for {@code device}, audited as "Start logon session" with the device as actor;
     * a refusal commits its audit event.
     */
    @Transactional(noRollbackFor = ErrorResponseException.class)
    public StartedSession start(DeviceIdentity device, String ip) {
        Caller caller = new Caller(device.actor(), ip, ClientType.LogonScreen);
        Object enabled = devices.configuration(device).value(OmaUris.ALLOW_PASSWORD_RESET);
        if (!Objects.equals(enabled, 1L)) {
            audit.record(AuditEvent.of(
                    clock.instant(),
                    Activity.START_LOGON_SESSION,
                    AuditResult.Blocked,
                    caller,
                    device.id(),
                    "The device's configuration does not enable password reset from the sign-in screen"));
            throw Problems.of(ProblemCode.LOGON_RESET_NOT_ENABLED, OmaUris.ALLOW_PASSWORD_RESET);
        }
        String token = PREFIX + Digests.newToken();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(Duration.ofMinutes(MINUTES));
        sessions.purge(now.toEpochMilli());
        sessions.insert(Digests.sha256(token), device.id(), now.toEpochMilli(), expiresAt.toEpochMilli());
        audit.record(AuditEvent.of(now, Activity.START_LOGON_SESSION, AuditResult.Success, caller, device.id(), ""));
        return new StartedSession(token, expiresAt);
    }

    /** The session a bearer token names, if it is a live session of an enabled device; never throws for junk. */
    public Optional<LogonSession> find(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        String hash = Digests.sha256(token);
        return sessions.device(hash, clock.millis()).map(device -> new LogonSession(hash, device));
    }

    /**
     * Ties the session to the flow it starts, within the caller's transaction, and lets it live
     * as long as the flow.
     *
     * @throws org.springframework.web.ErrorResponseException 403 when the session already started a flow or expired
     */
    public void claim(String sessionHash, String flowIdHash, Instant flowExpiresAt) {
        if (!sessions.claim(sessionHash, flowIdHash, clock.millis(), flowExpiresAt.toEpochMilli())) {
            throw Problems.of(ProblemCode.LOGON_SESSION_USED);
        }
    }

    /** The device of a live session, by the SHA-256 of its token (as {@code Callers.logonSession()} gives it). */
    public Optional<DeviceIdentity> device(String sessionHash) {
        return sessions.device(sessionHash, clock.millis());
    }

    /**
     * The id of the device whose sign-in screen started a flow, while the flow runs (its session
     * lives as long as the flow); empty for any other flow.
     */
    public Optional<String> deviceOfFlow(String flowIdHash) {
        return sessions.deviceOfFlow(flowIdHash);
    }

    /** Deletes the session that started the flow, if any; called when the flow completes or locks. */
    public void flowEnded(String flowIdHash) {
        sessions.deleteForFlow(flowIdHash);
    }

    /** A new session: {@code sessionToken} is shown this once. */
    public record StartedSession(String sessionToken, Instant expiresAt) {}

    /** A live session: the SHA-256 of its token and its device. */
    public record LogonSession(String tokenHash, DeviceIdentity device) {}
}
