package org.opensspr.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensspr.Http;
import org.opensspr.ServerIntegrationTest;
import org.opensspr.directory.Directory;
import org.opensspr.notify.Message.Kind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import tools.jackson.databind.JsonNode;

/** The password policy through the admin API and as a user meets it, against the whole application. */
class PasswordPolicyIntegrationTests extends ServerIntegrationTest {

    @Autowired
    @Qualifier("directory")
    Directory realDirectory;

    private JsonNode evaluate(String password, String login) {
        Http.Response response = admin.send(
                "POST",
                "/api/v1/admin/password-policy/evaluate",
                login == null ? Map.of("password", password) : Map.of("password", password, "login", login));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    @Test
    void azuresWorkedExamplesWithTheCustomTermsContosoAndBlank() {
        Http.Response put = admin.put(
                "/api/v1/admin/password-policy",
                Map.of("customBannedTerms", List.of("contoso", "blank"), "enforceCustomList", true));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.json().get("minLength").asInt())
                .as("left out: the default")
                .isEqualTo(8);

        JsonNode rejected = evaluate("C0ntos0Blank12", null);
        assertThat(rejected.get("accepted").asBoolean()).isFalse();
        assertThat(rejected.get("violations").get(0).get("code").asString()).isEqualTo("password-too-common");
        assertThat(rejected.get("violations").get(0).get("message").asString()).doesNotContainIgnoringCase("contoso");
        assertThat(evaluate("ContoS0Bl@nkf9!", null).get("accepted").asBoolean())
                .isTrue();
        assertThat(admin.get("/api/v1/admin/audit?activity=Update%20password%20policy&limit=1")
                        .json()
                        .get("events")
                        .get(0)
                        .get("result")
                        .asString())
                .isEqualTo("Success");
    }

    private String lastAuditDetails() {
        return admin.get("/api/v1/admin/audit?activity=Update%20password%20policy&limit=1")
                .json()
                .get("events")
                .get(0)
                .get("details")
                .asString();
    }

    @Test
    void aPatchChangesOnlyTheRulesItNamesAndIsAuditedWithBeforeAndAfter() {
        Http.Response put = admin.put(
                "/api/v1/admin/password-policy",
                Map.of(
                        "minLength",
                        12,
                        "customBannedTerms",
                        List.of("contoso", "blank"),
                        "enforceCustomList",
                        true,
                        "historySize",
                        3));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(lastAuditDetails())
                .isEqualTo(
                        "minLength: 8 -> 12; customBannedTerms: 0 items -> 2 items; enforceCustomList: false -> true;"
                                + " historySize: 0 -> 3");

        Http.Response patch = admin.patch("/api/v1/admin/password-policy", Map.of("checkBreached", false));
        assertThat(patch.status()).as(patch.toString()).isEqualTo(200);
        JsonNode stored = admin.get("/api/v1/admin/password-policy").json();
        assertThat(stored.get("minLength").asInt()).isEqualTo(12);
        assertThat(stored.get("customBannedTerms").toString()).isEqualTo("[\"contoso\",\"blank\"]");
        assertThat(stored.get("enforceCustomList").asBoolean()).isTrue();
        assertThat(stored.get("historySize").asInt()).isEqualTo(3);
        assertThat(stored.get("checkBreached").asBoolean()).isFalse();
        assertThat(lastAuditDetails()).isEqualTo("checkBreached: true -> false");

        admin.patch(
                "/api/v1/admin/password-policy", Map.of("customBannedTerms", List.of("contoso", "fabrikam", "blank")));
        assertThat(lastAuditDetails())
                .as("the terms are counted, never listed")
                .isEqualTo("customBannedTerms: 2 items -> 3 items");

        Http.Response tooShort = admin.patch("/api/v1/admin/password-policy", Map.of("maxLength", 10));
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.json().get("detail").asString()).contains("maxLength");
        Http.Response typo = admin.patch("/api/v1/admin/password-policy", Map.of("minLenght", 10));
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.json().get("detail").asString()).startsWith("Unknown field 'minLenght'");
        assertThat(admin.get("/api/v1/admin/password-policy")
                        .json()
                        .get("maxLength")
                        .asInt())
                .as("refused: nothing changed")
                .isEqualTo(256);

        admin.send("PATCH", "/api/v1/admin/password-policy", "{\"minLength\":null}");
        stored = admin.get("/api/v1/admin/password-policy").json();
        assertThat(stored.get("minLength").asInt()).as("null: the default").isEqualTo(8);
        assertThat(stored.get("historySize").asInt()).isEqualTo(3);

        assertThat(admin.put("/api/v1/admin/password-policy", Map.of()).json())
                .as("PUT {} still resets every rule")
                .isEqualTo(admin.get("/api/v1/admin/password-policy").json());
        assertThat(admin.get("/api/v1/admin/password-policy")
                        .json()
                        .get("historySize")
                        .asInt())
                .isZero();
    }

    @Test
    void invisibleRepetitiveAndSequentialPasswordsAreRefused() {
        for (Map.Entry<String, String> refused : Map.of(
                        " ".repeat(8),
                        "password-invisible",
                        "\u200B".repeat(8),
                        "password-invisible",
                        "zzzzzzzz",
                        "password-predictable",
                        "abcdefghijklmn",
                        "password-predictable")
                .entrySet()) {
            JsonNode verdict = evaluate(refused.getKey(), null);
            assertThat(verdict.get("accepted").asBoolean()).isFalse();
            assertThat(verdict.get("violations").findValuesAsString("code")).contains(refused.getValue());
        }
    }

    @Test
    void aPasswordFromABreachIsRefusedUnlessTheCheckIsOff() {
        JsonNode breached = evaluate(BREACHED_PASSWORD, null);
        assertThat(breached.get("violations").get(0).get("code").asString()).isEqualTo("password-breached");
        assertThat(evaluate("Violet-Lighthouse-Keeper-84", null).get("accepted").asBoolean())
                .isTrue();
        admin.put("/api/v1/admin/password-policy", Map.of("checkBreached", false));
        assertThat(evaluate(BREACHED_PASSWORD, null).get("accepted").asBoolean())
                .isTrue();
    }

    @Test
    void aRecentPasswordCannotBeUsedAgainWhenTheHistoryIsOn() {
        assertThat(admin.put("/api/v1/admin/password-policy", Map.of("historySize", 2))
                        .status())
                .isEqualTo(200);
        Http alice = http.basic("alice", "alice-demo-2026");
        try {
            assertThat(alice.post(
                                    "/api/v1/me/password",
                                    Map.of("currentPassword", "alice-demo-2026", "newPassword", "Marmalade-Jar-Seven"))
                            .status())
                    .isEqualTo(200);
            Http second = http.basic("alice", "Marmalade-Jar-Seven");
            assertThat(second.post(
                                    "/api/v1/me/password",
                                    Map.of(
                                            "currentPassword",
                                            "Marmalade-Jar-Seven",
                                            "newPassword",
                                            "Kettle-on-the-Stove-9"))
                            .status())
                    .isEqualTo(200);
            Http third = http.basic("alice", "Kettle-on-the-Stove-9");
            Http.Response reused = third.post(
                    "/api/v1/me/password",
                    Map.of("currentPassword", "Kettle-on-the-Stove-9", "newPassword", "Marmalade-Jar-Seven"));
            assertThat(reused.status()).isEqualTo(422);
            assertThat(reused.json().get("violations").get(0).get("code").asString())
                    .isEqualTo("password-reused");
            assertThat(jdbc.sql("SELECT hash FROM password_history")
                            .query(String.class)
                            .list())
                    .as("only Argon2id hashes are kept")
                    .hasSize(2)
                    .allMatch(hash -> hash.startsWith("$argon2id$"));
        } finally {
            realDirectory.resetPassword(realDirectory.findUser("alice").orElseThrow(), "alice-demo-2026");
            jdbc.sql("DELETE FROM password_history").update();
        }
    }

    @Test
    void theUsersOwnNameCountsAgainstThemAndSettingsAreValidated() {
        assertThat(evaluate("Liddell2026!", "alice").get("accepted").asBoolean())
                .isFalse();
        assertThat(evaluate("Liddell2026!", "bob").get("accepted").asBoolean()).isTrue();

        Http.Response invalid =
                admin.put("/api/v1/admin/password-policy", Map.of("minLength", 6, "customBannedTerms", List.of("abc")));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("detail").asString()).contains("8");
    }

    @Test
    void aResetRefusesACommonPasswordWithAMessageInTheUsersLanguage() throws Exception {
        String flowId = startFlow("carol").json().get("flowId").asString();
        http.post(
                "/api/v1/reset/flows/" + flowId + "/challenges",
                Map.of("methodId", "email", "contact", "carol@example.org"));
        String code = mailbox.awaitMailCode("carol@example.org", Kind.RESET_CODE);
        http.post("/api/v1/reset/flows/" + flowId + "/verifications", Map.of("methodId", "email", "code", code));

        Http.Response english =
                http.post("/api/v1/reset/flows/" + flowId + "/password", Map.of("newPassword", "P@ssw0rd1"));
        assertThat(english.status()).isEqualTo(422);
        assertThat(english.json().get("violations").get(0).get("code").asString())
                .isEqualTo("password-too-common");
        String englishMessage =
                english.json().get("violations").get(0).get("message").asString();
        Http.Response dutch = http.header("Accept-Language", "nl")
                .post("/api/v1/reset/flows/" + flowId + "/password", Map.of("newPassword", "Danvers123"));
        assertThat(dutch.status()).as("carol's own surname").isEqualTo(422);
        assertThat(dutch.json().get("violations").get(0).get("message").asString())
                .isNotEqualTo(englishMessage);
    }
}
