package org.opensspr.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sign-in-screen side: the admin set-up (a profile that turns reset from the sign-in screen on
 * for group {@code all}, a join token), joined devices, and a device's check-in as the agent's
 * {@code sync} does it: {@code GET /api/v1/devices/self/configuration}, then
 * {@code PUT /api/v1/devices/self/inventory} with a Windows inventory that the readiness rules pass.
 */
final class Devices {

    static final String ALLOW_RESET = "./Vendor/MSFT/Policy/Config/Authentication/AllowAadPasswordReset";
    static final List<String> CHECKIN_STEPS = List.of("configuration", "inventory");

    private static final String SYSTEM =
            "HKLM\\\\SOFTWARE\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\Policies\\\\System\\\\";

    /** A ready Windows 10 22H2 Enterprise at the console, UAC on, Ctrl+Alt+Del required (JSON). */
    static final String INVENTORY = "{\"os\":\"Windows\",\"osBuild\":19045,\"osVersion\":\"22H2\","
            + "\"edition\":\"Enterprise\",\"joinType\":\"workgroup\",\"sessionType\":\"console\",\"registry\":{"
            + "\"" + SYSTEM + "EnableLUA\":1,"
            + "\"" + SYSTEM + "DisableCAD\":1,"
            + "\"" + SYSTEM + "HideFastUserSwitching\":0,"
            + "\"" + SYSTEM + "DontDisplayLastUserName\":0,"
            + "\"HKLM\\\\SOFTWARE\\\\Policies\\\\Microsoft\\\\Windows\\\\Personalization\\\\NoLockScreen\":0"
            + "},\"lostMode\":false,\"dot1xBeforeLogon\":false}";

    /** A joined device and its HTTP Basic credential. */
    record Device(String id, String authorization) {}

    private final Api api;

    Devices(Api api) {
        this.api = api;
    }

    /**
     * Creates the profile and joins {@code count} devices (join tokens hold at most 1000 uses).
     *
     * @param admin the admin's Authorization header (the bootstrap token)
     */
    List<Device> setUp(String admin, int count) throws Failure {
        Api.expect(
                api.post(
                        "api/v1/admin/device-profiles",
                        "{\"name\":\"10-load-reset\",\"settings\":[{\"omaUri\":\"" + ALLOW_RESET
                                + "\",\"dataType\":\"integer\",\"value\":1}],\"groups\":[\"all\"]}",
                        admin),
                201);
        List<Device> devices = new ArrayList<>(count);
        while (devices.size() < count) {
            int uses = Math.min(1000, count - devices.size());
            String token = Json.string(
                    Api.expect(
                                    api.post(
                                            "api/v1/admin/join-tokens",
                                            "{\"uses\":" + uses + ",\"expiresInHours\":24}",
                                            admin),
                                    201)
                            .body(),
                    "token");
            for (int i = 0; i < uses; i++) {
                String name = String.format(Locale.ROOT, "LOAD-%04d", devices.size());
                String joined = Api.expect(
                                api.post(
                                        "api/v1/devices",
                                        Json.object(
                                                "joinToken", token, "name", name, "os", "Windows", "osVersion", "22H2"),
                                        null),
                                201)
                        .body();
                String id = Json.string(joined, "deviceId");
                String secret = Json.string(joined, "deviceSecret");
                if (id == null || secret == null) {
                    throw new Failure("bad-answer", "no deviceId or deviceSecret: " + Api.abbreviate(joined));
                }
                devices.add(new Device(id, Api.basic(id, secret)));
            }
        }
        return devices;
    }

    /** One check-in of the worker's device: configuration, then an inventory that must be judged ready. */
    PhaseRunner.Operation checkIn(List<Device> devices) {
        return (worker, stats) -> {
            Device device = devices.get(worker % devices.size());
            String step = "configuration";
            long start = System.nanoTime();
            try {
                String configuration = Api.expect(
                                api.get("api/v1/devices/self/configuration", device.authorization()), 200)
                        .body();
                if (!configuration.contains("AllowAadPasswordReset")) {
                    throw new Failure("bad-answer", "the configuration does not enable reset");
                }
                long t = System.nanoTime();
                stats.step("configuration", t - start);
                step = "inventory";
                String verdict = Api.expect(
                                api.put("api/v1/devices/self/inventory", INVENTORY, device.authorization()), 200)
                        .body();
                if (!verdict.contains("\"ready\":true")) {
                    throw new Failure("not-ready", Api.abbreviate(verdict));
                }
                long end = System.nanoTime();
                stats.step("inventory", end - t);
                stats.success(start, end);
            } catch (Failure e) {
                stats.error(step + ":" + e.kind());
            }
        };
    }
}
