package org.opensspr.devices;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.opensspr.readiness.SessionType;
import org.opensspr.readiness.Verdict;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The device API: {@code POST /api/v1/devices} joins with a join token (no credential);
 * {@code /api/v1/devices/self/**} needs the device credential (HTTP Basic {@code deviceId:deviceSecret}).
 */
@Tag(
        name = "Devices",
        description =
                "The device API of the Windows agent: join with a join token, then fetch the configuration and report inventory with the device credential.")
@RestController
class DeviceController {

    private final DeviceService devices;

    DeviceController(DeviceService devices) {
        this.devices = devices;
    }

    @Operation(
            summary = "Join a device",
            description =
                    "Joins with a one-time `joinToken` (no credential) and answers the device credential (`deviceId`, `deviceSecret`), shown this once.")
    @ApiResponse(responseCode = "201", description = "The device credential.")
    @ApiResponse(responseCode = "403", description = "An unknown, used or expired join token (`join-token-invalid`).")
    @PostMapping("/api/v1/devices")
    @ResponseStatus(HttpStatus.CREATED)
    DeviceService.JoinedDevice join(@RequestBody JoinRequest body, HttpServletRequest request) {
        return devices.join(body.joinToken(), body.name(), body.os(), body.osVersion(), request.getRemoteAddr());
    }

    @Operation(
            summary = "Leave",
            description =
                    "The device removes itself (`sspr-agent join --rejoin` does this before joining again): its record, groups and logon sessions are deleted and its credential stops working.")
    @ApiResponse(responseCode = "204", description = "The device is gone.")
    @DeleteMapping("/api/v1/devices/self")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void leave(@AuthenticationPrincipal DeviceIdentity device, HttpServletRequest request) {
        devices.leave(device, request.getRemoteAddr());
    }

    @Operation(
            summary = "My configuration",
            description =
                    "The device's effective configuration: the settings merged from its profiles, and the conflicts between them.")
    @ApiResponse(responseCode = "200", description = "The settings and conflicts.")
    @GetMapping("/api/v1/devices/self/configuration")
    ConfigurationView configuration(@AuthenticationPrincipal DeviceIdentity device) {
        EffectiveConfiguration configuration = devices.configuration(device);
        return new ConfigurationView(configuration.settings(), configuration.conflicts());
    }

    @Operation(
            summary = "Report inventory",
            description =
                    "Stores the device's inventory (OS, build, join type, registry values by full path) and answers its readiness verdict.")
    @ApiResponse(responseCode = "200", description = "Whether the device is ready, with each finding.")
    @PutMapping("/api/v1/devices/self/inventory")
    VerdictView inventory(@AuthenticationPrincipal DeviceIdentity device, @RequestBody InventoryRequest body) {
        Verdict verdict = devices.inventory(
                device,
                new Inventory(
                        body.os(),
                        body.osBuild() == null ? 0 : body.osBuild(),
                        body.osVersion(),
                        body.edition(),
                        body.joinType(),
                        SessionType.parse(body.sessionType()),
                        body.registry(),
                        Boolean.TRUE.equals(body.lostMode()),
                        Boolean.TRUE.equals(body.dot1xBeforeLogon())));
        return new VerdictView(
                verdict.ready(),
                verdict.findings().stream().map(ReadinessFinding::of).toList());
    }

    record JoinRequest(
            @Schema(description = "A join token from `POST /api/v1/admin/join-tokens`.")
            String joinToken,

            @Schema(example = "LAB-PC-042") String name,
            @Schema(example = "windows") String os,
            @Schema(example = "10.0.26100") String osVersion) {}

    /** {@code registry}: values by full path ({@code HKLM\...\Name}); integers or strings. */
    record InventoryRequest(
            String os,
            Integer osBuild,
            String osVersion,
            String edition,
            String joinType,
            String sessionType,
            Map<String, Object> registry,
            Boolean lostMode,
            Boolean dot1xBeforeLogon) {}

    record ConfigurationView(
            List<EffectiveConfiguration.AppliedSetting> settings, List<EffectiveConfiguration.Conflict> conflicts) {}

    record VerdictView(boolean ready, List<ReadinessFinding> findings) {}
}
