package org.opensspr.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensspr.Http;
import org.opensspr.ServerIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Throttling by source: flow starts at a sign-in screen count per device, and a 24 h block holds
 * where it was earned (the network, or the device) until several sources earned one. The tests'
 * server trusts the proxy at 127.0.0.1, so X-Forwarded-For picks each client's network.
 */
class ResetSourcesIntegrationTests extends ServerIntegrationTest {

    private static final String RESET = "./Vendor/MSFT/Policy/Config/Authentication/AllowAadPasswordReset";

    private Http from(String ip) {
        return http.header("X-Forwarded-For", ip);
    }

    private static Http.Response start(Http client, String login) {
        return client.post("/api/v1/reset/flows", Map.of("login", login, "captcha", solvedCaptcha(client)));
    }

    /** Five wrong email codes for {@code login} from {@code client}: Azure's limit, which blocks. */
    private static void fiveWrongCodes(Http client, String login) {
        for (int flow = 0; flow < 2; flow++) {
            Http.Response started = start(client, login);
            assertThat(started.status()).as(started.toString()).isEqualTo(201);
            String flowId = started.json().get("flowId").asString();
            for (int i = 0; i < (flow == 0 ? 3 : 2); i++) {
                assertThat(client.post(
                                        "/api/v1/reset/flows/" + flowId + "/verifications",
                                        Map.of("methodId", "email", "code", "00000000"))
                                .status())
                        .isEqualTo(400);
            }
        }
    }

    private JsonNode blockEvents(String login) {
        return admin.get("/api/v1/admin/audit?target=" + login
                        + "&activity=Blocked%20from%20self-service%20password%20reset&limit=20")
                .json()
                .get("events");
    }

    @Test
    void aBlockEarnedFromOneNetworkDoesNotStopTheUserFromAnother() {
        Http attacker = from("203.0.113.66");
        fiveWrongCodes(attacker, "carol");
        Http.Response blocked = start(attacker, "carol");
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.json().get("type").asString()).endsWith("/reset-blocked");
        assertThat(start(from("203.0.113.200"), "carol").status())
                .as("the same /24 is the same source")
                .isEqualTo(429);
        assertThat(start(from("198.51.100.7"), "carol").status())
                .as("the user at home is not locked out by the attacker")
                .isEqualTo(201);

        JsonNode block = blockEvents("carol").get(2);
        assertThat(block.get("result").asString()).isEqualTo("Blocked");
        assertThat(block.get("details").asString())
                .as("newest first: two attempts while blocked, then the block, which names its source")
                .startsWith("User failed the email verification")
                .contains("203.0.113.0/24");
    }

    @Test
    void blocksFromSeveralNetworksBlockTheLoginEverywhereButAtAJoinedDevicesSignInScreen() {
        for (String network : List.of("203.0.113.66", "198.51.100.66", "2001:db8:66::1")) {
            fiveWrongCodes(from(network), "carol");
        }
        assertThat(start(from("192.0.2.7"), "carol").status()).isEqualTo(429);
        assertThat(blockEvents("carol").get(1).get("details").asString())
                .as("newest first: the attempt above, then the block everywhere")
                .contains("3 different networks or devices")
                .contains("everywhere");

        admin.post(
                "/api/v1/admin/device-profiles",
                Map.of(
                        "name", "reset-on",
                        "settings", List.of(Map.of("omaUri", RESET, "dataType", "integer", "value", 1)),
                        "groups", List.of("all")));
        Http.Response flow = signInScreen(device("PC-OWN")).post("/api/v1/reset/flows", Map.of("login", "carol"));
        assertThat(flow.status())
                .as("the user's own joined device proves possession no remote attacker has")
                .isEqualTo(201);
    }

    @Test
    void twoDevicesBehindOneAddressEachGetTheirOwnFlowStartBudget() {
        admin.post(
                "/api/v1/admin/device-profiles",
                Map.of(
                        "name", "reset-on",
                        "settings", List.of(Map.of("omaUri", RESET, "dataType", "integer", "value", 1)),
                        "groups", List.of("all")));
        Http first = device("PC-NAT-1");
        Http second = device("PC-NAT-2");
        // The site's address has spent its anonymous budget (100000 in these tests): its devices are not counted there.
        jdbc.sql(
                        "INSERT INTO throttle_event (subject, occurred_at) SELECT 'start-ip:127.0.0.1', :at FROM SYSTEM_RANGE(1, 100000)")
                .param("at", clock.millis())
                .update();
        assertThat(start(http, "alice").status()).isEqualTo(429);

        for (int i = 0; i < 10; i++) {
            Http.Response started = signInScreen(first).post("/api/v1/reset/flows", Map.of("login", "alice"));
            assertThat(started.status()).as(started.toString()).isEqualTo(201);
        }
        Http.Response refused = signInScreen(first).post("/api/v1/reset/flows", Map.of("login", "alice"));
        assertThat(refused.status())
                .as("sspr.reset.flow-starts-per-device is 10")
                .isEqualTo(429);
        assertThat(refused.json().get("type").asString()).endsWith("/too-many-requests");
        assertThat(signInScreen(second)
                        .post("/api/v1/reset/flows", Map.of("login", "bob"))
                        .status())
                .isEqualTo(201);
    }

    private Http device(String name) {
        Http.Response token =
                admin.post("/api/v1/admin/join-tokens", Map.of("uses", 1, "expiresInHours", 1, "groups", List.of()));
        Http.Response joined = http.post(
                "/api/v1/devices",
                Map.of(
                        "joinToken",
                        token.json().get("token").asString(),
                        "name",
                        name,
                        "os",
                        "Windows",
                        "osVersion",
                        "22H2"));
        assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
        return http.basic(
                joined.json().get("deviceId").asString(),
                joined.json().get("deviceSecret").asString());
    }

    private Http signInScreen(Http device) {
        Http.Response session = device.post("/api/v1/logon/sessions", Map.of());
        assertThat(session.status()).as(session.toString()).isEqualTo(201);
        return http.bearer(session.json().get("sessionToken").asString());
    }
}
