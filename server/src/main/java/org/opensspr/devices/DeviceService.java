package org.opensspr.devices;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.opensspr.audit.Activity;
import org.opensspr.audit.AuditEvent;
import org.opensspr.audit.AuditLog;
import org.opensspr.audit.AuditResult;
import org.opensspr.audit.Caller;
import org.opensspr.audit.ClientType;
import org.opensspr.readiness.DeviceState;
import org.opensspr.readiness.ReadinessRules;
import org.opensspr.readiness.Verdict;
import org.opensspr.secrets.Digests;
import org.opensspr.system.ProblemCode;
import org.opensspr.system.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * Joins devices, checks their credentials and keeps their inventory verdicts. A join token
 * ({@code join_} + 256 bits) and a device secret (256 bits) are shown once and stored as SHA-256;
 * a device id ({@code dev_} + 128 bits) is not secret. A disabled or deleted device fails its very
 * next authentication. The device's own calls are audited as ClientType {@code Api} with the
 * device as actor.
 */
@Service
public class DeviceService {

    static final String ID_PREFIX = "dev_";
    static final String JOIN_TOKEN_PREFIX = "join_";

    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * How stale a device's "last seen" may get before a check-in writes it again: a check-in that
     * changes nothing else is then a read, so a fleet checking in every few minutes costs no commits.
     */
    static final long SEEN_RESOLUTION_MILLIS = 60_000;

    private static final ReadinessRules RULES = new ReadinessRules();

    private final JdbcDeviceRepository devices;
    private final JdbcJoinTokenRepository joinTokens;
    private final ProfileService profiles;
    private final AuditLog audit;
    private final Clock clock;

    DeviceService(
            JdbcDeviceRepository devices,
            JdbcJoinTokenRepository joinTokens,
            ProfileService profiles,
            AuditLog audit,
            Clock clock) {
        this.devices = devices;
        this.joinTokens = joinTokens;
        this.profiles = profiles;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Joins a device with a join token, spending one of its uses atomically. A wrong, spent or
     * expired token is refused (403) alike, and audited as a failed "Join device".
     */
    @Transactional(noRollbackFor = ErrorResponseException.class)
    public JoinedDevice join(String joinToken, String name, String os, String osVersion, String ip) {
        String deviceName = field(name, "name", 200);
        String deviceOs = field(os, "os", 100);
        String deviceOsVersion = field(osVersion, "osVersion", 100);
        String id = ID_PREFIX + randomId();
        Caller caller = new Caller(new DeviceIdentity(id, deviceName).actor(), ip, ClientType.Api);
        String hash = joinToken == null || !joinToken.startsWith(JOIN_TOKEN_PREFIX) || joinToken.length() > 100
                ? null
                : Digests.sha256(joinToken);
        if (hash == null || !joinTokens.spend(hash, clock.millis())) {
            audit.record(AuditEvent.of(
                    clock.instant(),
                    Activity.JOIN_DEVICE,
                    AuditResult.Failure,
                    caller,
                    deviceName,
                    "The join token is unknown, spent or expired"));
            throw Problems.of(ProblemCode.JOIN_TOKEN_INVALID);
        }
        String secret = Digests.newToken();
        devices.insert(id, Digests.sha256(secret), deviceName, deviceOs, deviceOsVersion, clock.millis());
        List<String> groups = joinTokens.groups(hash).orElse(List.of());
        devices.setGroups(id, groups);
        audit.record(AuditEvent.of(
                clock.instant(),
                Activity.JOIN_DEVICE,
                AuditResult.Success,
                caller,
                id,
                "Joined as " + deviceName + " (" + deviceOs + " " + deviceOsVersion + "), groups " + groups));
        return new JoinedDevice(id, secret);
    }

    /**
     * The device, if {@code id} names an enabled device and {@code secret} is its secret
     * (compared by SHA-256 in constant time). Unknown, disabled, deleted and wrong secret look alike.
     */
    public Optional<DeviceIdentity> authenticate(String id, String secret) {
        if (id == null || secret == null || !id.startsWith(ID_PREFIX) || id.length() > 40 || secret.length() > 100) {
            return Optional.empty();
        }
        return devices.enabled(id)
                .filter(d -> Digests.constantTimeEquals(d.secretHash(), Digests.sha256(secret)))
                .map(JdbcDeviceRepository.DeviceIdentityWithSecret::device);
    }

    /** Enables or disables a device; a disabled device's credential and logon sessions stop working at once. */
    @Transactional
    public void setEnabled(String id, boolean enabled, Caller admin) {
        if (!devices.setEnabled(id, enabled)) {
            throw notFound(id);
        }
        audit.record(AuditEvent.of(
                clock.instant(),
                Activity.UPDATE_DEVICE,
                AuditResult.Success,
                admin,
                id,
                enabled ? "Enabled" : "Disabled"));
    }

    /** Deletes a device with its groups and logon sessions. */
    @Transactional
    public void delete(String id, Caller admin) {
        if (!devices.delete(id)) {
            throw notFound(id);
        }
        audit.record(AuditEvent.of(clock.instant(), Activity.DELETE_DEVICE, AuditResult.Success, admin, id, ""));
    }

    /**
     * The device leaves (before it joins again, so that it is not counted twice): it is deleted with
     * its groups and logon sessions, audited with the device itself as the actor.
     */
    @Transactional
    public void leave(DeviceIdentity device, String ip) {
        if (devices.delete(device.id())) {
            audit.record(AuditEvent.of(
                    clock.instant(),
                    Activity.DELETE_DEVICE,
                    AuditResult.Success,
                    new Caller(device.actor(), ip, ClientType.Api),
                    device.id(),
                    "Left to join again (" + device.name() + ")"));
        }
    }

    /** Replaces the device's groups (the implicit {@code all} needs no entry). */
    @Transactional
    public List<String> setGroups(String id, List<String> groups, Caller admin) {
        List<String> checked = DeviceGroups.checkAll(groups);
        if (!devices.exists(id)) {
            throw notFound(id);
        }
        devices.setGroups(id, checked);
        audit.record(AuditEvent.of(
                clock.instant(), Activity.UPDATE_DEVICE, AuditResult.Success, admin, id, "Groups " + checked));
        return checked;
    }

    public List<DeviceSummary> list() {
        return devices.list();
    }

    /** The device's effective configuration; counts as the device being seen. */
    @Transactional
    public EffectiveConfiguration configuration(DeviceIdentity device) {
        long now = clock.millis();
        devices.seen(device.id(), now, now - SEEN_RESOLUTION_MILLIS);
        return profiles.effectiveFor(devices.groups(device.id()));
    }

    /**
     * Judges what the device reports with the readiness rules, with its effective configuration
     * as the OMA-URI settings (so {@code policy-disabled} is satisfied by the profile or the
     * registry value), and keeps the verdict.
     */
    @Transactional
    public Verdict inventory(DeviceIdentity device, Inventory inventory) {
        long now = clock.millis();
        EffectiveConfiguration configuration = profiles.effectiveFor(devices.groups(device.id()));
        DeviceState state = new DeviceState(
                inventory.os(),
                inventory.osBuild(),
                inventory.osVersion(),
                inventory.edition(),
                inventory.joinType(),
                true,
                inventory.sessionType(),
                inventory.registry(),
                configuration.asMap(),
                inventory.lostMode(),
                inventory.dot1xBeforeLogon());
        Verdict verdict = RULES.evaluate(state);
        devices.saveVerdict(
                device.id(),
                inventory.osBuild(),
                inventory.edition(),
                verdict.ready(),
                verdict.findings().stream().map(ReadinessFinding::of).toList(),
                now,
                now - SEEN_RESOLUTION_MILLIS);
        return verdict;
    }

    private static String field(String value, String what, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(what + " must be 1-" + max + " characters");
        }
        return value.strip();
    }

    private static String randomId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static RuntimeException notFound(String id) {
        return Problems.of(ProblemCode.DEVICE_NOT_FOUND, id);
    }

    /** A joined device: {@code deviceSecret} is shown this once. */
    public record JoinedDevice(String deviceId, String deviceSecret) {}
}
