package org.opensspr.devices;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.opensspr.readiness.SessionType;
import org.opensspr.readiness.Verdict;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
@RestController
class DeviceController {

    private final DeviceService devices;

    DeviceController(DeviceService devices) {
        this.devices = devices;
    }

    @PostMapping("/api/v1/devices")
    @ResponseStatus(HttpStatus.CREATED)
    DeviceService.JoinedDevice join(@RequestBody JoinRequest body, HttpServletRequest request) {
        return devices.join(body.joinToken(), body.name(), body.os(), body.osVersion(), request.getRemoteAddr());
    }

    @GetMapping("/api/v1/devices/self/configuration")
    ConfigurationView configuration(@AuthenticationPrincipal DeviceIdentity device) {
        EffectiveConfiguration configuration = devices.configuration(device);
        return new ConfigurationView(configuration.settings(), configuration.conflicts());
    }

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

    record JoinRequest(String joinToken, String name, String os, String osVersion) {}

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
