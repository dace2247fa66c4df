package org.opensspr.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opensspr.Http;
import org.opensspr.ServerIntegrationTest;
import org.opensspr.notify.Message.Kind;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Azure's throttling numbers across flows, the CAPTCHA, API keys, unlock and abandoned flows,
 * against the whole application. Logins are throttled as typed, so an unknown login is blocked
 * exactly like a real one.
 */
class ThrottlingIntegrationTests extends ServerIntegrationTest {

    @Autowired
    AbandonedFlows flows;

    @AfterEach
    void defaultPolicy() {
        admin.put("/api/v1/admin/policy", Map.of());
    }

    private String flowId(String login) {
        Http.Response started = startFlow(login);
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        return started.json().get("flowId").asString();
    }

    private int wrongCode(String flowId) {
        return http.post(
                        "/api/v1/reset/flows/" + flowId + "/verifications",
                        Map.of("methodId", "email", "code", "00000000"))
                .status();
    }

    @Test
    void fiveFailedVerificationsWithinAnHourBlockTheLoginFor24HoursKnownOrNot() {
        for (String login : List.of("carol", "nobody-like-this")) {
            String first = flowId(login);
            assertThat(List.of(wrongCode(first), wrongCode(first), wrongCode(first)))
                    .containsOnly(400);
            String second = flowId(login);
            assertThat(wrongCode(second)).isEqualTo(400);
            assertThat(wrongCode(second))
                    .as("the fifth failure is answered, and blocks what follows")
                    .isEqualTo(400);

            Http.Response blocked = startFlow(login);
            assertThat(blocked.status()).isEqualTo(429);
            assertThat(blocked.json().get("type").asString()).endsWith("/reset-blocked");
            JsonNode event = admin.get("/api/v1/admin/audit?target=" + login + "&activity=Blocked%20from%20self-service"
                            + "%20password%20reset&limit=1")
                    .json()
                    .get("events")
                    .get(0);
            assertThat(event.get("result").asString()).isEqualTo("Blocked");
        }
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        assertThat(startFlow("carol").status()).isEqualTo(201);
        assertThat(startFlow("nobody-like-this").status()).isEqualTo(201);
    }

    @Test
    void failuresSpreadOverMoreThanAnHourDoNotBlock() {
        String login = "carol";
        for (int i = 0; i < 4; i++) {
            assertThat(wrongCode(flowId(login))).isEqualTo(400);
        }
        clock.advance(Duration.ofMinutes(61));
        assertThat(wrongCode(flowId(login))).isEqualTo(400);
        assertThat(startFlow(login).status()).isEqualTo(201);
    }

    @Test
    void tenCodesWithinTenMinutesBlockTheLogin() {
        int sent = 0;
        while (sent < 10) {
            String flowId = flowId("carol");
            for (int i = 0; i < 5 && sent < 10; i++, sent++) {
                assertThat(http.post(
                                        "/api/v1/reset/flows/" + flowId + "/challenges",
                                        Map.of("methodId", "email", "contact", "carol@example.org"))
                                .status())
                        .isEqualTo(202);
            }
        }
        assertThat(startFlow("carol").status()).isEqualTo(429);
    }

    @Test
    void fiveMismatchedAddressesWithinADayBlockTheLogin() {
        for (int i = 0; i < 5; i++) {
            String flowId = flowId("carol");
            assertThat(http.post(
                                    "/api/v1/reset/flows/" + flowId + "/challenges",
                                    Map.of("methodId", "email", "contact", "guess" + i + "@example.org"))
                            .status())
                    .isEqualTo(202);
        }
        assertThat(startFlow("carol").status()).isEqualTo(429);
    }

    @Test
    void aBrowserNeedsASolvedCaptchaOnceAndAnApiKeyNeedsNone() {
        assertThat(http.post("/api/v1/reset/flows", Map.of("login", "carol")).status())
                .isEqualTo(400);
        String captcha = solvedCaptcha(http);
        assertThat(http.post("/api/v1/reset/flows", Map.of("login", "carol", "captcha", captcha))
                        .status())
                .isEqualTo(201);
        Http.Response replay = http.post("/api/v1/reset/flows", Map.of("login", "carol", "captcha", captcha));
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.json().get("type").asString()).endsWith("/captcha-invalid");

        Http.Response issued = admin.post("/api/v1/admin/api-keys", Map.of("name", "helpdesk-bot"));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String key = issued.json().get("key").asString();
        assertThat(admin.post("/api/v1/admin/api-keys", Map.of("name", "helpdesk-bot"))
                        .status())
                .isEqualTo(409);
        Http bot = http.bearer(key);
        assertThat(bot.post("/api/v1/reset/flows", Map.of("login", "carol")).status())
                .isEqualTo(201);
        JsonNode event = admin.get("/api/v1/admin/audit?target=carol&limit=1")
                .json()
                .get("events")
                .get(0);
        assertThat(event.get("clientType").asString()).isEqualTo("Api");
        assertThat(event.get("actor").asString()).isEqualTo("api-key:helpdesk-bot");
        assertThat(bot.get("/api/v1/admin/policy").status())
                .as("an API key is no admin")
                .isEqualTo(403);

        assertThat(admin.send("DELETE", "/api/v1/admin/api-keys/helpdesk-bot", null)
                        .status())
                .isEqualTo(204);
        assertThat(bot.post("/api/v1/reset/flows", Map.of("login", "carol")).status())
                .isEqualTo(401);
    }

    @Test
    void unlockWithoutResetOnlyWhereThePolicyAllowsIt() throws Exception {
        String flowId = flowId("carol");
        http.post(
                "/api/v1/reset/flows/" + flowId + "/challenges",
                Map.of("methodId", "email", "contact", "carol@example.org"));
        String code = mailbox.awaitMailCode("carol@example.org", Kind.RESET_CODE);
        assertThat(http.post(
                                "/api/v1/reset/flows/" + flowId + "/verifications",
                                Map.of("methodId", "email", "code", code))
                        .status())
                .isEqualTo(200);
        Http.Response refused = http.post("/api/v1/reset/flows/" + flowId + "/unlock", Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).endsWith("/unlock-not-allowed");

        admin.put("/api/v1/admin/policy", Map.of("allowUnlock", true));
        assertThat(http.post("/api/v1/reset/flows/" + flowId + "/unlock", Map.of())
                        .status())
                .isEqualTo(200);
        JsonNode event = admin.get(
                        "/api/v1/admin/audit?target=carol&activity=Unlock%20user%20account%20(self-service)&limit=1")
                .json()
                .get("events")
                .get(0);
        assertThat(event.get("result").asString()).isEqualTo("Success");
    }

    @Test
    void aFlowLeftUnfinishedIsRecordedAsAbandonedWhenItExpires() {
        flowId("walked-away");
        clock.advance(Duration.ofMinutes(16));
        flows.sweepExpired();
        JsonNode event = admin.get("/api/v1/admin/audit?target=walked-away&limit=1")
                .json()
                .get("events")
                .get(0);
        assertThat(event.get("result").asString()).isEqualTo("Abandoned");
        assertThat(event.get("details").asString())
                .isEqualTo("User abandoned after being presented with verification options");
    }
}
