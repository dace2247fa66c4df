package org.opensspr.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensspr.Http;
import org.opensspr.ServerIntegrationTest;
import org.opensspr.notify.Message.Kind;
import tools.jackson.databind.JsonNode;

/** Devices and the logon screen against the whole application: join, profiles, inventory, logon sessions. */
class DevicesIntegrationTests extends ServerIntegrationTest {

    private static final String RESET = "./Vendor/MSFT/Policy/Config/Authentication/AllowAadPasswordReset";
    private static final String DEVICE_RESET =
            "./Device/Vendor/MSFT/Policy/Config/Authentication/AllowAadPasswordReset";

    @Test
    void aJoinTokenJoinsAsManyDevicesAsItHasUses() {
        String token = joinToken(2, 24, List.of());
        Http.Response first = join(token, "PC-001");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().get("deviceId").asString()).startsWith("dev_");
        assertThat(first.json().get("deviceSecret").asString()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(join(token, "PC-002").status()).isEqualTo(201);
        Http.Response third = join(token, "PC-003");
        assertThat(third.status()).isEqualTo(403);
        assertThat(third.json().get("type").asString()).endsWith("/join-token-invalid");

        // Only hashes are stored.
        String secret = first.json().get("deviceSecret").asString();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM device WHERE secret_hash = :s")
                        .param("s", secret)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM join_token WHERE token_hash = :t")
                        .param("t", token)
                        .query(Integer.class)
                        .single())
                .isZero();
        JsonNode event = admin.get("/api/v1/admin/audit?activity=Join%20device&limit=1")
                .json()
                .get("events")
                .get(0);
        assertThat(event.get("result").asString()).isEqualTo("Failure");
        assertThat(event.get("actor").asString()).startsWith("device:PC-003 (dev_");
    }

    @Test
    void anExpiredJoinTokenIsRefused() {
        String token = joinToken(5, 1, List.of());
        clock.advance(Duration.ofMinutes(61));
        assertThat(join(token, "PC-late").status()).isEqualTo(403);
        assertThat(join("join_made-up", "PC-guess").status()).isEqualTo(403);
    }

    @Test
    void joinTokenLimitsAreChecked() {
        assertThat(admin.post("/api/v1/admin/join-tokens", Map.of("uses", 0, "expiresInHours", 1))
                        .status())
                .isEqualTo(400);
        assertThat(admin.post("/api/v1/admin/join-tokens", Map.of("uses", 1001, "expiresInHours", 1))
                        .status())
                .isEqualTo(400);
        assertThat(admin.post("/api/v1/admin/join-tokens", Map.of("uses", 1, "expiresInHours", 721))
                        .status())
                .isEqualTo(400);
        assertThat(http.post("/api/v1/admin/join-tokens", Map.of("uses", 1, "expiresInHours", 1))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void profilesAreValidatedAndUpsertedByName() {
        assertThat(profile("bad", List.of(setting(RESET, "float", 1)), List.of("all"))
                        .status())
                .isEqualTo(400);
        assertThat(profile("bad", List.of(setting(RESET, "integer", "one")), List.of("all"))
                        .status())
                .isEqualTo(400);
        assertThat(profile("bad", List.of(setting(RESET, "boolean", 1)), List.of("all"))
                        .status())
                .isEqualTo(400);
        assertThat(profile("reset-on", List.of(setting(RESET, "integer", 1)), List.of("all"))
                        .status())
                .isEqualTo(201);
        Http.Response replaced = profile("reset-on", List.of(setting(DEVICE_RESET, "integer", 0)), List.of("lab"));
        assertThat(replaced.status()).isEqualTo(200);
        JsonNode profiles = admin.get("/api/v1/admin/device-profiles").json().get("profiles");
        assertThat(profiles).hasSize(1);
        assertThat(profiles.get(0).get("settings").get(0).get("omaUri").asString())
                .isEqualTo(RESET);
        assertThat(profiles.get(0).get("groups").get(0).asString()).isEqualTo("lab");
        JsonNode event = admin.get("/api/v1/admin/audit?activity=Update%20device%20configuration%20profile&limit=1")
                .json()
                .get("events")
                .get(0);
        assertThat(event.get("target").asString()).isEqualTo("reset-on");
        assertThat(event.get("details").asString()).startsWith("Replaced");
    }

    @Test
    void theConfigurationMergesTheProfilesOfTheDeviceGroupsAndReportsConflicts() {
        profile("10-base", List.of(setting(RESET, "integer", 1)), List.of("all"));
        profile(
                "20-lab",
                List.of(
                        setting(DEVICE_RESET, "integer", 0),
                        setting("./Vendor/MSFT/Policy/Config/DeviceLock/MinDevicePasswordLength", "integer", 12)),
                List.of("lab"));
        Http lab = device(joinToken(1, 1, List.of("lab")), "LAB-01");
        Http office = device(joinToken(1, 1, List.of()), "OFFICE-01");

        JsonNode merged = lab.get("/api/v1/devices/self/configuration").json();
        assertThat(merged.get("settings")).hasSize(2);
        assertThat(merged.get("settings").get(0).get("omaUri").asString()).isEqualTo(RESET);
        assertThat(merged.get("settings").get(0).get("value").asInt()).isEqualTo(1);
        assertThat(merged.get("settings").get(0).get("profile").asString()).isEqualTo("10-base");
        assertThat(merged.get("conflicts")).hasSize(1);
        JsonNode conflict = merged.get("conflicts").get(0);
        assertThat(conflict.get("profile").asString()).isEqualTo("10-base");
        assertThat(conflict.get("overriddenProfile").asString()).isEqualTo("20-lab");
        assertThat(conflict.get("overriddenValue").asInt()).isZero();

        JsonNode plain = office.get("/api/v1/devices/self/configuration").json();
        assertThat(plain.get("settings")).hasSize(1);
        assertThat(plain.get("conflicts")).isEmpty();
    }

    @Test
    void devicesCanBeRegroupedByAnAdmin() {
        profile("lab-only", List.of(setting(RESET, "integer", 1)), List.of("lab"));
        Http.Response joined = join(joinToken(1, 1, List.of()), "PC-010");
        Http device = http.basic(
                joined.json().get("deviceId").asString(),
                joined.json().get("deviceSecret").asString());
        assertThat(device.get("/api/v1/devices/self/configuration").json().get("settings"))
                .isEmpty();
        assertThat(admin.put(
                                "/api/v1/admin/devices/"
                                        + joined.json().get("deviceId").asString() + "/groups",
                                Map.of("groups", List.of("lab")))
                        .status())
                .isEqualTo(200);
        assertThat(device.get("/api/v1/devices/self/configuration").json().get("settings"))
                .hasSize(1);
    }

    @Test
    void theInventoryIsJudgedByTheReadinessRulesAndTheVerdictIsKept() {
        Http device = device(joinToken(1, 1, List.of()), "PC-020");
        JsonNode notEnabled = device.put("/api/v1/devices/self/inventory", inventory(Map.of()))
                .json();
        assertThat(notEnabled.get("ready").asBoolean()).isFalse();
        assertThat(rules(notEnabled)).containsExactly("policy-disabled");
        assertThat(notEnabled.get("findings").get(0).get("severity").asString()).isEqualTo("error");
        assertThat(notEnabled.get("findings").get(0).get("remedy").asString()).contains("AllowAadPasswordReset");

        JsonNode byRegistry = device.put(
                        "/api/v1/devices/self/inventory",
                        inventory(Map.of("HKLM\\SOFTWARE\\Policies\\Microsoft\\AzureADAccount\\AllowPasswordReset", 1)))
                .json();
        assertThat(byRegistry.get("ready").asBoolean()).isTrue();

        profile("reset-on", List.of(setting(RESET, "integer", 1)), List.of("all"));
        JsonNode noLockScreen = device.put(
                        "/api/v1/devices/self/inventory",
                        inventory(Map.of(
                                "HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\Personalization\\NoLockScreen", 1)))
                .json();
        assertThat(noLockScreen.get("ready").asBoolean()).isFalse();
        assertThat(rules(noLockScreen)).containsExactly("no-lock-screen");

        JsonNode listed =
                admin.get("/api/v1/admin/devices").json().get("devices").get(0);
        assertThat(listed.get("name").asString()).isEqualTo("PC-020");
        assertThat(listed.get("os").asString()).isEqualTo("Windows");
        assertThat(listed.get("enabled").asBoolean()).isTrue();
        assertThat(listed.get("lastSeen").asString()).isNotBlank();
        assertThat(listed.get("ready").asBoolean()).isFalse();
        assertThat(rules(listed)).containsExactly("no-lock-screen");

        assertThat(device.put("/api/v1/devices/self/inventory", Map.of("os", "Windows", "sessionType", "telnet"))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aCheckInThatChangesNothingWritesLastSeenAtMostOnceAMinute() {
        Http device = device(joinToken(1, 1, List.of()), "PC-021");
        device.put("/api/v1/devices/self/inventory", inventory(Map.of())).json();
        String first = lastSeen("PC-021");

        clock.advance(Duration.ofSeconds(30));
        assertThat(device.get("/api/v1/devices/self/configuration").status()).isEqualTo(200);
        device.put("/api/v1/devices/self/inventory", inventory(Map.of())).json();
        assertThat(lastSeen("PC-021")).as("unchanged, within a minute").isEqualTo(first);

        JsonNode changed = device.put(
                        "/api/v1/devices/self/inventory",
                        inventory(Map.of("HKLM\\SOFTWARE\\Policies\\Microsoft\\AzureADAccount\\AllowPasswordReset", 1)))
                .json();
        assertThat(changed.get("ready").asBoolean()).isTrue();
        JsonNode listed = listed("PC-021");
        assertThat(listed.get("ready").asBoolean())
                .as("a changed verdict is kept at once")
                .isTrue();
        String second = listed.get("lastSeen").asString();
        assertThat(second).isNotEqualTo(first);

        clock.advance(Duration.ofSeconds(61));
        assertThat(device.get("/api/v1/devices/self/configuration").status()).isEqualTo(200);
        assertThat(lastSeen("PC-021")).as("over a minute later").isNotEqualTo(second);
    }

    private JsonNode listed(String name) {
        for (JsonNode device : admin.get("/api/v1/admin/devices").json().get("devices")) {
            if (device.get("name").asString().equals(name)) {
                return device;
            }
        }
        throw new AssertionError("no device " + name);
    }

    private String lastSeen(String name) {
        return listed(name).get("lastSeen").asString();
    }

    @Test
    void aLogonSessionIsRefusedUnlessTheConfigurationEnablesReset() {
        Http device = device(joinToken(1, 1, List.of()), "PC-030");
        Http.Response refused = device.post("/api/v1/logon/sessions", Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).endsWith("/logon-reset-not-enabled");
        assertThat(refused.json().get("detail").asString()).contains("AllowAadPasswordReset");

        profile("reset-on", List.of(setting(DEVICE_RESET, "integer", 1)), List.of("all"));
        Http.Response started = device.post("/api/v1/logon/sessions", Map.of());
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        assertThat(started.json().get("sessionToken").asString()).startsWith("lgn_");
        assertThat(started.json().get("expiresAt").asString()).isNotBlank();
        JsonNode event = admin.get("/api/v1/admin/audit?activity=Start%20logon%20session&limit=1")
                .json()
                .get("events")
                .get(0);
        assertThat(event.get("result").asString()).isEqualTo("Success");
        assertThat(event.get("actor").asString()).startsWith("device:PC-030");
        assertThat(event.get("clientType").asString()).isEqualTo("LogonScreen");
    }

    @Test
    void aFlowStartedWithALogonSessionIsLogonScreenNamesTheDeviceAndIsTheOnlyOne() {
        profile("reset-on", List.of(setting(RESET, "integer", 1)), List.of("all"));
        Http screen = http.bearer(logonSession(device(joinToken(1, 1, List.of()), "KIOSK-7")));
        Http.Response flow = screen.post("/api/v1/reset/flows", Map.of("login", "alice"));
        assertThat(flow.status()).as(flow.toString()).isEqualTo(201);
        JsonNode event = admin.get("/api/v1/admin/audit?target=alice&limit=1")
                .json()
                .get("events")
                .get(0);
        assertThat(event.get("clientType").asString()).isEqualTo("LogonScreen");
        assertThat(event.get("actor").asString()).startsWith("device:KIOSK-7 (dev_");

        Http.Response second = screen.post("/api/v1/reset/flows", Map.of("login", "bob"));
        assertThat(second.status()).isEqualTo(403);
        assertThat(second.json().get("type").asString()).endsWith("/logon-session-used");
    }

    @Test
    void aLogonSessionCanDoNothingButRunAResetFlow() {
        profile("reset-on", List.of(setting(RESET, "integer", 1)), List.of("all"));
        Http screen = http.bearer(logonSession(device(joinToken(1, 1, List.of()), "PC-040")));
        assertThat(screen.get("/api/v1/me/methods").status()).isEqualTo(401);
        assertThat(screen.get("/api/v1/admin/devices").status()).isEqualTo(401);
        assertThat(screen.get("/api/v1/devices/self/configuration").status()).isEqualTo(401);
        assertThat(screen.post("/api/v1/logon/sessions", Map.of()).status()).isEqualTo(401);
        assertThat(screen.post("/api/v1/reset/flows", Map.of("login", "alice")).status())
                .isEqualTo(201);
    }

    @Test
    void aLogonSessionEndsWithItsFlowAndTheFlowNeedsNoToken() throws Exception {
        admin.put("/api/v1/admin/policy", Map.of("allowUnlock", true));
        profile("reset-on", List.of(setting(RESET, "integer", 1)), List.of("all"));
        Http screen = http.bearer(logonSession(device(joinToken(1, 1, List.of()), "PC-050")));
        String flowId = screen.post("/api/v1/reset/flows", Map.of("login", "carol"))
                .json()
                .get("flowId")
                .asString();
        assertThat(http.post(
                                "/api/v1/reset/flows/" + flowId + "/challenges",
                                Map.of("methodId", "email", "contact", "carol@example.org"))
                        .status())
                .isEqualTo(202);
        String code = mailbox.awaitMailCode("carol@example.org", Kind.RESET_CODE);
        assertThat(screen.post(
                                "/api/v1/reset/flows/" + flowId + "/verifications",
                                Map.of("methodId", "email", "code", code))
                        .status())
                .isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM logon_session")
                        .query(Integer.class)
                        .single())
                .isOne();
        assertThat(http.post("/api/v1/reset/flows/" + flowId + "/unlock", Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM logon_session")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(screen.post("/api/v1/reset/flows", Map.of("login", "carol")).status())
                .isEqualTo(401);
        var unlocked = admin.get(
                        "/api/v1/admin/audit?target=carol&activity=Unlock%20user%20account%20(self-service)&limit=1")
                .json()
                .get("events")
                .get(0);
        assertThat(unlocked.get("clientType").asString())
                .as("steps after the start keep the flow's ClientType, though they carry no session token")
                .isEqualTo("LogonScreen");
    }

    @Test
    void anUnusedLogonSessionExpiresAfterFifteenMinutes() {
        profile("reset-on", List.of(setting(RESET, "integer", 1)), List.of("all"));
        Http screen = http.bearer(logonSession(device(joinToken(1, 1, List.of()), "PC-060")));
        clock.advance(Duration.ofMinutes(15));
        assertThat(screen.post("/api/v1/reset/flows", Map.of("login", "alice")).status())
                .isEqualTo(401);
    }

    @Test
    void aDisabledOrDeletedDeviceCanNoLongerAuthenticate() {
        profile("reset-on", List.of(setting(RESET, "integer", 1)), List.of("all"));
        Http.Response joined = join(joinToken(1, 1, List.of()), "PC-070");
        String id = joined.json().get("deviceId").asString();
        Http device = http.basic(id, joined.json().get("deviceSecret").asString());
        Http screen = http.bearer(logonSession(device));

        assertThat(admin.post("/api/v1/admin/devices/" + id + "/disable", Map.of())
                        .status())
                .isEqualTo(204);
        assertThat(device.get("/api/v1/devices/self/configuration").status()).isEqualTo(401);
        assertThat(screen.post("/api/v1/reset/flows", Map.of("login", "alice")).status())
                .isEqualTo(401);
        assertThat(admin.get("/api/v1/admin/devices")
                        .json()
                        .get("devices")
                        .get(0)
                        .get("enabled")
                        .asBoolean())
                .isFalse();

        assertThat(admin.post("/api/v1/admin/devices/" + id + "/enable", Map.of())
                        .status())
                .isEqualTo(204);
        assertThat(device.get("/api/v1/devices/self/configuration").status()).isEqualTo(200);

        assertThat(admin.send("DELETE", "/api/v1/admin/devices/" + id, null).status())
                .isEqualTo(204);
        assertThat(device.get("/api/v1/devices/self/configuration").status()).isEqualTo(401);
        assertThat(admin.send("DELETE", "/api/v1/admin/devices/" + id, null).status())
                .isEqualTo(404);
    }

    @Test
    void aDeviceThatLeavesIsGoneWithItsSessionsAndTheAuditNamesItAsTheActor() {
        profile("reset-on", List.of(setting(RESET, "integer", 1)), List.of("all"));
        Http.Response joined = join(joinToken(1, 1, List.of()), "PC-LEAVES");
        String id = joined.json().get("deviceId").asString();
        Http device = http.basic(id, joined.json().get("deviceSecret").asString());
        Http screen = http.bearer(logonSession(device));

        assertThat(device.send("DELETE", "/api/v1/devices/self", null).status()).isEqualTo(204);

        assertThat(device.get("/api/v1/devices/self/configuration").status()).isEqualTo(401);
        assertThat(screen.post("/api/v1/reset/flows", Map.of("login", "alice")).status())
                .isEqualTo(401);
        assertThat(admin.send("DELETE", "/api/v1/admin/devices/" + id, null).status())
                .isEqualTo(404);
        assertThat(device.send("DELETE", "/api/v1/devices/self", null).status()).isEqualTo(401);
        JsonNode events = admin.get("/api/v1/admin/audit?activity=Delete%20device&target=" + id)
                .json()
                .get("events");
        assertThat(events.toString()).contains(id).contains("Left to join again (PC-LEAVES)");
    }

    @Test
    void aDeviceCredentialWorksOnlyOnTheDeviceApiAndDirectorySignInStillWorks() {
        Http.Response joined = join(joinToken(1, 1, List.of()), "PC-080");
        String id = joined.json().get("deviceId").asString();
        assertThat(http.basic(id, joined.json().get("deviceSecret").asString())
                        .get("/api/v1/me/methods")
                        .status())
                .isEqualTo(401);
        assertThat(http.basic(id, "wrong-secret")
                        .get("/api/v1/devices/self/configuration")
                        .status())
                .isEqualTo(401);
        assertThat(http.get("/api/v1/devices/self/configuration").status()).isEqualTo(401);
        assertThat(http.basic("alice", "alice-demo-2026")
                        .get("/api/v1/devices/self/configuration")
                        .status())
                .isEqualTo(403);
        assertThat(http.basic("alice", "alice-demo-2026")
                        .get("/api/v1/me/methods")
                        .status())
                .isEqualTo(200);
    }

    private String joinToken(int uses, int hours, List<String> groups) {
        Http.Response issued = admin.post(
                "/api/v1/admin/join-tokens", Map.of("uses", uses, "expiresInHours", hours, "groups", groups));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued.json().get("token").asString();
    }

    private Http.Response join(String token, String name) {
        return http.post(
                "/api/v1/devices", Map.of("joinToken", token, "name", name, "os", "Windows", "osVersion", "22H2"));
    }

    private Http device(String token, String name) {
        Http.Response joined = join(token, name);
        assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
        return http.basic(
                joined.json().get("deviceId").asString(),
                joined.json().get("deviceSecret").asString());
    }

    private static String logonSession(Http device) {
        Http.Response started = device.post("/api/v1/logon/sessions", Map.of());
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        return started.json().get("sessionToken").asString();
    }

    private Http.Response profile(String name, List<Map<String, Object>> settings, List<String> groups) {
        return admin.post(
                "/api/v1/admin/device-profiles", Map.of("name", name, "settings", settings, "groups", groups));
    }

    private static Map<String, Object> setting(String omaUri, String dataType, Object value) {
        return Map.of("omaUri", omaUri, "dataType", dataType, "value", value);
    }

    private static Map<String, Object> inventory(Map<String, Object> registry) {
        return Map.of(
                "os",
                "Windows",
                "osBuild",
                19045,
                "edition",
                "Enterprise",
                "joinType",
                "workgroup",
                "sessionType",
                "console",
                "registry",
                registry);
    }

    private static List<String> rules(JsonNode verdict) {
        return verdict.get("findings")
                .valueStream()
                .map(f -> f.get("rule").asString())
                .toList();
    }
}
