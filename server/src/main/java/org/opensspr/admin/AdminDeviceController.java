package org.opensspr.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.opensspr.devices.ConfigurationProfile;
import org.opensspr.devices.DeviceService;
import org.opensspr.devices.DeviceSummary;
import org.opensspr.devices.JoinTokenService;
import org.opensspr.devices.ProfileService;
import org.opensspr.devices.Setting;
import org.opensspr.web.Callers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Devices in the admin API: join tokens, the device list with readiness verdicts, disabling,
 * deleting and grouping devices, and configuration profiles.
 */
@Tag(
        name = "Admin: devices",
        description =
                "Join tokens, devices with their readiness verdicts, device groups and configuration profiles (OMA-URI settings).")
@RestController
class AdminDeviceController {

    private final DeviceService devices;
    private final JoinTokenService joinTokens;
    private final ProfileService profiles;

    AdminDeviceController(DeviceService devices, JoinTokenService joinTokens, ProfileService profiles) {
        this.devices = devices;
        this.joinTokens = joinTokens;
        this.profiles = profiles;
    }

    /** {@code groups} (optional): the device groups every device that joins with the token gets. */
    @Operation(
            summary = "Issue a join token",
            description =
                    "A token good for `uses` joins (1-1000) within `expiresInHours` (1-720); devices that join with it get `groups`. The token is shown in this answer only.")
    @PostMapping("/api/v1/admin/join-tokens")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedToken issueJoinToken(@RequestBody NewJoinToken body, HttpServletRequest request) {
        if (body.uses() == null || body.expiresInHours() == null) {
            throw new IllegalArgumentException("uses and expiresInHours are required");
        }
        return new IssuedToken(
                joinTokens.issue(body.uses(), body.expiresInHours(), body.groups(), Callers.from(request)));
    }

    /**
     * Join tokens, newest first, each with its id ({@code jt_...}), state, uses left, groups, who
     * created it and when, and when it expires; listed until a week after they expire.
     */
    @Operation(
            summary = "List join tokens",
            description =
                    "Tokens newest first with id (`jt_` + 16 hex digits of the stored hash), state (revoked, expired, used-up, active), uses left, groups, who issued it and when it expires; listed until a week after expiry. `offset` and `limit` page.")
    @GetMapping("/api/v1/admin/join-tokens")
    JoinTokenService.JoinTokenList joinTokens(
            @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
        return joinTokens.list(offset, limit);
    }

    /** Revokes a join token ({@code 204}); no device can join with it any more. */
    @Operation(
            summary = "Revoke a join token",
            description = "No device can join with it any more; audited. Unknown id: `404 join-token-not-found`.")
    @DeleteMapping("/api/v1/admin/join-tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeJoinToken(@PathVariable String id, HttpServletRequest request) {
        joinTokens.revoke(id, Callers.from(request));
    }

    @Operation(
            summary = "List devices",
            description =
                    "Every device with its OS, groups, when it joined and was last seen, and its readiness verdict and findings (null until its first inventory).")
    @GetMapping("/api/v1/admin/devices")
    DeviceList list() {
        return new DeviceList(devices.list());
    }

    @Operation(summary = "Delete a device", description = "Forgets the device and its credential; audited.")
    @DeleteMapping("/api/v1/admin/devices/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id, HttpServletRequest request) {
        devices.delete(id, Callers.from(request));
    }

    @Operation(summary = "Disable a device", description = "The device can no longer open logon sessions; audited.")
    @PostMapping("/api/v1/admin/devices/{id}/disable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disable(@PathVariable String id, HttpServletRequest request) {
        devices.setEnabled(id, false, Callers.from(request));
    }

    @Operation(summary = "Enable a device", description = "Undoes a disable; audited.")
    @PostMapping("/api/v1/admin/devices/{id}/enable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void enable(@PathVariable String id, HttpServletRequest request) {
        devices.setEnabled(id, true, Callers.from(request));
    }

    @Operation(
            summary = "Set the groups of a device",
            description =
                    "Replaces the groups of the device (the implicit `all` is always there); the effective configuration follows.")
    @PutMapping("/api/v1/admin/devices/{id}/groups")
    Groups setGroups(@PathVariable String id, @RequestBody Groups body, HttpServletRequest request) {
        return new Groups(devices.setGroups(id, body.groups(), Callers.from(request)));
    }

    /** Creates (201) or replaces (200) the profile of that name. */
    @Operation(
            summary = "Create or replace a configuration profile",
            description =
                    "A named list of OMA-URI settings (omaUri, dataType, value) for device groups: 201 when created, 200 when replaced; audited.")
    @PostMapping("/api/v1/admin/device-profiles")
    ResponseEntity<ProfileView> saveProfile(@RequestBody ProfileView body, HttpServletRequest request) {
        if (body.settings() == null) {
            throw new IllegalArgumentException("settings are required");
        }
        ConfigurationProfile profile = new ConfigurationProfile(
                body.name(),
                body.settings().stream()
                        .map(s -> Setting.of(s.omaUri(), s.dataType(), s.value()))
                        .toList(),
                body.groups());
        boolean created = profiles.save(profile, Callers.from(request));
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .body(ProfileView.of(profile));
    }

    @Operation(summary = "List configuration profiles", description = "Every profile with its settings and groups.")
    @GetMapping("/api/v1/admin/device-profiles")
    ProfileList profiles() {
        return new ProfileList(profiles.all().stream().map(ProfileView::of).toList());
    }

    @Operation(
            summary = "Delete a configuration profile",
            description = "Audited; devices lose its settings at their next configuration read.")
    @DeleteMapping("/api/v1/admin/device-profiles/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteProfile(@PathVariable String name, HttpServletRequest request) {
        profiles.delete(name, Callers.from(request));
    }

    record NewJoinToken(Integer uses, Integer expiresInHours, List<String> groups) {}

    /** {@code token} is shown this once. */
    record IssuedToken(String token) {}

    record DeviceList(List<DeviceSummary> devices) {}

    record Groups(List<String> groups) {}

    record SettingView(String omaUri, String dataType, Object value) {}

    record ProfileView(String name, List<SettingView> settings, List<String> groups) {
        static ProfileView of(ConfigurationProfile profile) {
            return new ProfileView(
                    profile.name(),
                    profile.settings().stream()
                            .map(s -> new SettingView(s.omaUri(), s.dataType().id(), s.value()))
                            .toList(),
                    profile.groups());
        }
    }

    record ProfileList(List<ProfileView> profiles) {}
}
