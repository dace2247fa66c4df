package org.opensspr.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensspr.Http;
import org.opensspr.ServerIntegrationTest;
import tools.jackson.databind.JsonNode;

/** The admin API against the whole application: who may call it, what it validates, what it audits. */
class AdminApiIntegrationTests extends ServerIntegrationTest {

    @Test
    void theAdminApiNeedsAnAdmin() {
        assertThat(http.get("/api/v1/admin/policy").status()).isEqualTo(401);
        assertThat(http.basic("alice", "wrong-password")
                        .get("/api/v1/admin/policy")
                        .status())
                .isEqualTo(401);
        assertThat(http.bearer("not-the-token").get("/api/v1/admin/policy").status())
                .isEqualTo(401);
        assertThat(http.get("/api/v1/me/methods").status())
                .as("anything that is not public needs a signed-in user")
                .isEqualTo(401);
        assertThat(http.basic("carol", "carol-demo-2026")
                        .get("/api/v1/admin/policy")
                        .status())
                .as("a signed-in user who is not in sspr-admins")
                .isEqualTo(403);
        assertThat(http.basic("admin", "admin-demo-2026")
                        .get("/api/v1/admin/policy")
                        .status())
                .isEqualTo(200);
        assertThat(admin.get("/api/v1/admin/policy").status()).isEqualTo(200);
    }

    @Test
    void aPolicyIsStoredValidatedAndAudited() {
        Map<String, Object> policy = Map.of(
                "enabledFor",
                "groups",
                "groups",
                List.of("staff"),
                "methodsRequired",
                1,
                "methods",
                List.of("email", "totp"),
                "helpdeskUrl",
                "https://help.example.org");
        Http.Response put = admin.put("/api/v1/admin/policy", policy);
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        JsonNode stored = admin.get("/api/v1/admin/policy").json();
        assertThat(stored.get("enabledFor").asString()).isEqualTo("groups");
        assertThat(stored.get("methods").toString()).isEqualTo("[\"email\",\"totp\"]");
        assertThat(stored.get("reconfirmDays").asInt())
                .as("a field left out takes its default")
                .isEqualTo(180);

        Http.Response invalid = admin.put("/api/v1/admin/policy", Map.of("methodsRequired", 3));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        assertThat(invalid.json().get("detail").asString()).isEqualTo("The number of methods required must be 1 or 2.");
        assertThat(admin.put("/api/v1/admin/policy", Map.of("methods", List.of("carrier-pigeon")))
                        .json()
                        .get("detail")
                        .asString())
                .contains("unknown method 'carrier-pigeon'");
        Http.Response typo = admin.put("/api/v1/admin/policy", Map.of("methodRequired", 2));
        assertThat(typo.status())
                .as("a misspelt field is an error, not silently ignored")
                .isEqualTo(400);
        assertThat(typo.json().get("detail").asString()).startsWith("Unknown field 'methodRequired'");

        JsonNode event = admin.get("/api/v1/admin/audit?activity=Update%20SSPR%20policy&limit=1")
                .json()
                .get("events")
                .get(0);
        assertThat(event.get("actor").asString()).isEqualTo("bootstrap-token");
        assertThat(event.get("clientType").asString()).isEqualTo("Api");
        assertThat(admin.put("/api/v1/admin/policy", Map.of()).status()).isEqualTo(200);
    }

    /** The newest audit event of {@code activity}: its details. */
    private String lastAuditDetails(String activity) {
        return admin.get("/api/v1/admin/audit?limit=1&activity=" + activity.replace(" ", "%20"))
                .json()
                .get("events")
                .get(0)
                .get("details")
                .asString();
    }

    @Test
    void aPatchOfOnlyTheHelpdeskLinkKeepsTheOtherFieldsAndIsAuditedWithBeforeAndAfter() {
        Http.Response put = admin.put(
                "/api/v1/admin/policy",
                Map.of("methodsRequired", 2, "methods", List.of("email", "sms"), "allowUnlock", true));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(lastAuditDetails("Update SSPR policy"))
                .as("a PUT is audited with before and after too")
                .isEqualTo(
                        "methodsRequired: 1 -> 2; methods: [\"email\"] -> [\"email\",\"sms\"]; allowUnlock: false -> true");

        Http.Response patch = admin.patch("/api/v1/admin/policy", Map.of("helpdeskUrl", "https://help.example.org"));
        assertThat(patch.status()).as(patch.toString()).isEqualTo(200);
        JsonNode stored = admin.get("/api/v1/admin/policy").json();
        assertThat(stored.get("methodsRequired").asInt()).isEqualTo(2);
        assertThat(stored.get("allowUnlock").asBoolean()).isTrue();
        assertThat(stored.get("methods").toString()).isEqualTo("[\"email\",\"sms\"]");
        assertThat(stored.get("helpdeskUrl").asString()).isEqualTo("https://help.example.org");
        assertThat(patch.json()).as("the answer is the stored policy").isEqualTo(stored);
        assertThat(lastAuditDetails("Update SSPR policy"))
                .as("exactly the changed field, before and after")
                .isEqualTo("helpdeskUrl: null -> \"https://help.example.org\"");

        Http.Response plainJson =
                admin.send("PATCH", "/api/v1/admin/policy", "{\"helpdeskUrl\":null,\"allowUnlock\":false}");
        assertThat(plainJson.status())
                .as("application/json is accepted as a merge patch: " + plainJson)
                .isEqualTo(200);
        stored = admin.get("/api/v1/admin/policy").json();
        assertThat(stored.has("helpdeskUrl")).as("null clears a field").isFalse();
        assertThat(stored.get("allowUnlock").asBoolean()).isFalse();
        assertThat(stored.get("methodsRequired").asInt()).isEqualTo(2);
        assertThat(lastAuditDetails("Update SSPR policy"))
                .isEqualTo("allowUnlock: true -> false; helpdeskUrl: \"https://help.example.org\" -> null");

        assertThat(admin.patch("/api/v1/admin/policy", Map.of()).status()).isEqualTo(200);
        assertThat(lastAuditDetails("Update SSPR policy"))
                .as("nothing changed, nothing named")
                .isEmpty();
    }

    @Test
    void aPatchWhoseMergedPolicyIsInvalidOrNamesAnUnknownFieldIsRefusedAndChangesNothing() {
        admin.put("/api/v1/admin/policy", Map.of("methodsRequired", 2, "methods", List.of("email", "sms")));
        JsonNode before = admin.get("/api/v1/admin/policy").json();
        String lastEvent = lastAuditDetails("Update SSPR policy");

        Http.Response tooFew = admin.patch("/api/v1/admin/policy", Map.of("methods", List.of("email")));
        assertThat(tooFew.status())
                .as("valid alone, but not with the stored methodsRequired: " + tooFew)
                .isEqualTo(400);
        assertThat(tooFew.contentType()).startsWith("application/problem+json");
        assertThat(tooFew.json().get("detail").asString())
                .isEqualTo("Offer at least as many methods as are required (2).");

        Http.Response typo = admin.patch("/api/v1/admin/policy", Map.of("methodRequired", 1));
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.json().get("detail").asString()).startsWith("Unknown field 'methodRequired'");

        assertThat(admin.patch("/api/v1/admin/policy", Map.of("enabledFor", "everyone"))
                        .json()
                        .get("detail")
                        .asString())
                .contains("unknown enabledFor 'everyone'");
        assertThat(admin.patch("/api/v1/admin/policy", "[1, 2]").status())
                .as("a merge patch is a JSON object")
                .isEqualTo(400);
        assertThat(admin.header("Content-Type", "text/plain")
                        .send("PATCH", "/api/v1/admin/policy", "helpdeskUrl=https://help.example.org")
                        .status())
                .isEqualTo(415);

        assertThat(admin.get("/api/v1/admin/policy").json()).isEqualTo(before);
        assertThat(lastAuditDetails("Update SSPR policy"))
                .as("a refused change is not audited as a change")
                .isEqualTo(lastEvent);
    }

    @Test
    void aPutStillReplacesTheWholePolicyWithDefaultsForWhatItLeavesOut() {
        admin.put("/api/v1/admin/policy", Map.of("methodsRequired", 2, "methods", List.of("email", "sms")));
        admin.patch("/api/v1/admin/policy", Map.of("allowUnlock", true, "helpdeskUrl", "help@example.org"));

        Http.Response reset = admin.put("/api/v1/admin/policy", Map.of());
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        JsonNode stored = admin.get("/api/v1/admin/policy").json();
        assertThat(stored.get("methodsRequired").asInt()).isEqualTo(1);
        assertThat(stored.get("methods").toString()).isEqualTo("[\"email\"]");
        assertThat(stored.get("allowUnlock").asBoolean()).isFalse();
        assertThat(stored.has("helpdeskUrl")).isFalse();
        assertThat(lastAuditDetails("Update SSPR policy"))
                .isEqualTo(
                        "methodsRequired: 2 -> 1; methods: [\"email\",\"sms\"] -> [\"email\"]; allowUnlock: true -> false;"
                                + " helpdeskUrl: \"help@example.org\" -> null");
    }

    @Test
    void anOutOfScopeUserGetsADecoyFlow() {
        assertThat(admin.put("/api/v1/admin/policy", Map.of("enabledFor", "groups", "groups", List.of("sspr-admins")))
                        .status())
                .isEqualTo(200);
        try {
            Http.Response flow = startFlow("carol");
            assertThat(flow.status()).isEqualTo(201);
            JsonNode event = admin.get("/api/v1/admin/audit?target=carol&limit=1")
                    .json()
                    .get("events")
                    .get(0);
            assertThat(event.get("details").asString())
                    .isEqualTo("User is not enabled for self-service password reset");
            assertThat(event.get("result").asString()).isEqualTo("Failure");
        } finally {
            admin.put("/api/v1/admin/policy", Map.of());
        }
    }

    @Test
    void prefilledContactInfoReplacesTheDirectoryMail() {
        Http.Response put = admin.put("/api/v1/admin/users/carol/contact", Map.of("email", "carol.d@help.example.net"));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        try {
            JsonNode flow = startFlow("carol").json();
            assertThat(flow.get("methods").get(0).get("hint").asString()).isEqualTo("c*****@h*****.net");
        } finally {
            admin.put("/api/v1/admin/users/carol/contact", Map.of());
        }
        assertThat(admin.put("/api/v1/admin/users/carol/contact", Map.of("phone", "0612"))
                        .status())
                .isEqualTo(400);
        assertThat(admin.put("/api/v1/admin/users/nobody-here/contact", Map.of("email", "x@example.org"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theAuditLogFiltersAndExportsCsvWithIpAndClientType() {
        startFlow("=cmd|' /C calc'!A0");
        JsonNode events =
                admin.get("/api/v1/admin/audit?target=alice&limit=5").json().get("events");
        startFlow("alice");
        JsonNode newest = admin.get("/api/v1/admin/audit?target=alice&limit=1")
                .json()
                .get("events")
                .get(0);
        assertThat(newest.get("activity").asString()).isEqualTo("Self-service password reset flow activity progress");
        assertThat(newest.get("details").asString()).isEqualTo("User was presented with verification options");
        assertThat(newest.get("ip").asString()).isEqualTo("127.0.0.1");
        assertThat(newest.get("clientType").asString()).isEqualTo("Browser");
        assertThat(events.size()).isLessThanOrEqualTo(5);

        Http.Response csv = admin.get(
                "/api/v1/admin/audit.csv?target=" + URLEncoder.encode("=cmd|' /C calc'!A0", StandardCharsets.UTF_8));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body())
                .startsWith("time,activity,result,actor,target,ip,clientType,details\r\n")
                .contains("\"'=cmd|' /C calc'!A0\"");
        assertThat(admin.get("/api/v1/admin/audit?limit=0").status()).isEqualTo(400);
    }

    @Test
    void healthShowsTheDirectoryAndTheDatabaseAndOpenApiListsTheEndpoints() {
        // Checked in the background at most once a second: an earlier test may have taken the directory away
        // or left the outbox degraded a moment ago.
        JsonNode health = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> http.get("/actuator/health").json(),
                        h -> h.get("components")
                                        .get("outbox")
                                        .get("status")
                                        .asString()
                                        .equals("UP")
                                && h.get("status").asString().equals("UP"));
        assertThat(health.get("components").get("directory").get("status").asString())
                .isEqualTo("UP");
        assertThat(health.get("components").get("db").get("status").asString()).isEqualTo("UP");

        JsonNode paths = http.get("/v3/api-docs").json().get("paths");
        assertThat(paths.propertyNames())
                .contains(
                        "/api/v1/reset/flows",
                        "/api/v1/reset/flows/{flowId}/challenges",
                        "/api/v1/reset/flows/{flowId}/verifications",
                        "/api/v1/reset/flows/{flowId}/password",
                        "/api/v1/reset/flows/{flowId}/unlock",
                        "/api/v1/reset/captcha",
                        "/api/v1/me/methods",
                        "/api/v1/me/methods/email",
                        "/api/v1/me/methods/email/verify",
                        "/api/v1/me/methods/sms",
                        "/api/v1/me/methods/sms/verify",
                        "/api/v1/me/methods/totp",
                        "/api/v1/me/methods/totp/verify",
                        "/api/v1/me/methods/questions",
                        "/api/v1/me/methods/{type}",
                        "/api/v1/me/questions",
                        "/api/v1/me/step-up",
                        "/api/v1/me/step-up/challenges",
                        "/api/v1/me/step-up/verifications",
                        "/api/v1/me/password",
                        "/api/v1/admin/policy",
                        "/api/v1/admin/users/{login}/contact",
                        "/api/v1/admin/audit",
                        "/api/v1/admin/audit.csv",
                        "/api/v1/admin/audit/verify",
                        "/api/v1/admin/api-keys",
                        "/api/v1/admin/api-keys/{name}");
    }

    @Test
    void theAuditLogVerifiesAndAnEditIsFound() {
        assertThat(admin.put("/api/v1/admin/policy", java.util.Map.of("allowUnlock", true))
                        .status())
                .isEqualTo(200);
        tools.jackson.databind.JsonNode verified =
                admin.get("/api/v1/admin/audit/verify").json();
        assertThat(verified.get("intact").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.get("checked").asLong()).isPositive();
        assertThat(http.basic("carol", "carol-demo-2026")
                        .get("/api/v1/admin/audit/verify")
                        .status())
                .as("admins only")
                .isEqualTo(403);

        long id = jdbc.sql("SELECT MAX(id) FROM audit_record WHERE activity = 'Update SSPR policy'")
                .query(Long.class)
                .single();
        String actor = jdbc.sql("SELECT actor FROM audit_record WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        jdbc.sql("UPDATE audit_record SET actor = 'someone-else' WHERE id = :id")
                .param("id", id)
                .update();
        try {
            tools.jackson.databind.JsonNode broken =
                    admin.get("/api/v1/admin/audit/verify").json();
            assertThat(broken.get("intact").asBoolean()).isFalse();
            assertThat(broken.get("firstBrokenId").asLong()).isEqualTo(id);
        } finally {
            jdbc.sql("UPDATE audit_record SET actor = :actor WHERE id = :id")
                    .param("actor", actor)
                    .param("id", id)
                    .update();
        }
        assertThat(admin.get("/api/v1/admin/audit/verify").json().get("intact").asBoolean())
                .as("restored: later tests find an intact log")
                .isTrue();
    }
}
