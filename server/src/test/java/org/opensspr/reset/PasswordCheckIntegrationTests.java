package org.opensspr.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.Http;
import org.opensspr.PortalSession;
import org.opensspr.ServerIntegrationTest;
import org.opensspr.notify.Message.Kind;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The strength meter's password check against the whole application: the server's own verdict for a
 * verified flow or a signed-in user, the same answer as an unknown flow for anything else, a budget
 * per flow, and nothing recorded about the password.
 */
@ExtendWith(OutputCaptureExtension.class)
class PasswordCheckIntegrationTests extends ServerIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Carol's own surname, and the password the issue saw called "strong". */
    private static final List<String> REFUSED = List.of("Danvers2026!", "P@ssw0rd2026!", BREACHED_PASSWORD);

    @Test
    void theCheckReportsTheUsersOwnNameAndACommonPasswordExactlyAsThePasswordStepInEitherLanguage() {
        String flowId = verifiedFlow("carol", "carol@example.org");
        for (String language : List.of("en", "nl")) {
            Http client = http.header("Accept-Language", language);
            for (String password : REFUSED) {
                Http.Response check = client.post(check(flowId), Map.of("newPassword", password));
                assertThat(check.status()).as(check.toString()).isEqualTo(200);
                Http.Response step = client.post(path(flowId, "password"), Map.of("newPassword", password));
                assertThat(step.status()).as(step.toString()).isEqualTo(422);

                assertThat(check.json().get("accepted").asBoolean()).isFalse();
                assertThat(check.json().get("violations"))
                        .as(password + " in " + language)
                        .isNotEmpty()
                        .isEqualTo(step.json().get("violations"));
                assertThat(check.json().get("strength").asInt())
                        .as("the meter never says fair, good or strong while there is a violation")
                        .isEqualTo(1);
            }
        }
        assertThat(http.post(check(flowId), Map.of("newPassword", "P@ssw0rd2026!"))
                        .json()
                        .get("violations")
                        .findValuesAsString("code"))
                .containsExactly("password-too-common");

        Http.Response good = http.post(check(flowId), Map.of("newPassword", "correct horse battery staple"));
        assertThat(good.json().get("accepted").asBoolean()).isTrue();
        assertThat(good.json().get("violations")).isEmpty();
        assertThat(good.json().get("strength").asInt()).isEqualTo(4);
        assertThat(http.post(path(flowId, "password"), Map.of("newPassword", "correct horse battery staple"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theCheckAppliesTheHistoryWhenThePolicyKeepsOne() {
        assertThat(admin.put("/api/v1/admin/password-policy", Map.of("historySize", 3))
                        .status())
                .isEqualTo(200);
        assertThat(http.basic("carol", "carol-demo-2026")
                        .post(
                                "/api/v1/me/password",
                                Map.of("currentPassword", "carol-demo-2026", "newPassword", "Marmalade-Jar-Seven"))
                        .status())
                .isEqualTo(200);

        String flowId = verifiedFlow("carol", "carol@example.org");
        Http.Response check = http.post(check(flowId), Map.of("newPassword", "Marmalade-Jar-Seven"));
        Http.Response step = http.post(path(flowId, "password"), Map.of("newPassword", "Marmalade-Jar-Seven"));
        assertThat(step.status()).isEqualTo(422);
        assertThat(check.json().get("violations")).isEqualTo(step.json().get("violations"));
        assertThat(check.json().get("violations").findValuesAsString("code")).containsExactly("password-reused");
    }

    @Test
    void anUnknownUnverifiedDecoyOrExpiredFlowGetsTheAnswerOfAnUnknownFlow() {
        Http.Response unknown = http.post(check("no-such-flow"), Map.of("newPassword", "P@ssw0rd2026!"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asString()).endsWith("/flow-not-found");

        String unverified = startFlow("carol").json().get("flowId").asString();
        String decoy = startFlow("nobody-at-all").json().get("flowId").asString();
        String expired = verifiedFlow("bob", "bob@example.org");
        for (String flowId : List.of(unverified, decoy)) {
            assertThat(problem(http.post(check(flowId), Map.of("newPassword", "P@ssw0rd2026!"))))
                    .as("before the gates, real or decoy")
                    .isEqualTo(problem(unknown));
        }
        assertThat(http.post(check(expired), Map.of("newPassword", "P@ssw0rd2026!"))
                        .status())
                .isEqualTo(200);
        clock.advance(Duration.ofMinutes(ResetFlowService.FLOW_MINUTES).plusSeconds(1));
        Http.Response late = http.post(check(expired), Map.of("newPassword", "P@ssw0rd2026!"));
        assertThat(late.status()).isEqualTo(404);
        assertThat(problem(late)).as("expired").isEqualTo(problem(unknown));
    }

    @Test
    void checksBeyondTheFlowsBudgetAre429WithRetryAfterAndAreNoAttempt() {
        String flowId = verifiedFlow("carol", "carol@example.org");
        for (int i = 0; i < 60; i++) {
            Http.Response check = http.post(check(flowId), Map.of("newPassword", "Danvers" + i));
            assertThat(check.status()).as(i + ": " + check).isEqualTo(200);
        }
        Http.Response refused = http.post(check(flowId), Map.of("newPassword", "Danvers-again"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("type").asString()).endsWith("/too-many-requests");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);

        clock.advance(Duration.ofSeconds(61));
        assertThat(http.post(check(flowId), Map.of("newPassword", "Danvers-later"))
                        .status())
                .as("a minute later the flow may check again")
                .isEqualTo(200);
        assertThat(jdbc.sql("SELECT failed_verifications FROM reset_flow")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reset_block")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(http.post(path(flowId, "password"), Map.of("newPassword", "correct horse battery staple"))
                        .status())
                .as("61 refused passwords later the reset still goes through")
                .isEqualTo(200);
    }

    @Test
    void aCheckIsNeitherAuditedNorLoggedNorStored(CapturedOutput output) {
        String flowId = verifiedFlow("carol", "carol@example.org");
        int events = auditEvents();
        String secret = "Zebra-Quilt-" + System.nanoTime();
        assertThat(http.post(check(flowId), Map.of("newPassword", secret)).status())
                .isEqualTo(200);
        assertThat(http.post(check(flowId), Map.of("newPassword", "Danvers2026!"))
                        .status())
                .isEqualTo(200);

        assertThat(auditEvents()).as("no audit event per check").isEqualTo(events);
        assertThat(output.getAll()).doesNotContain(secret).doesNotContain("Danvers2026!");
        assertThat(jdbc.sql("SELECT subject FROM throttle_event WHERE subject LIKE 'password-check:%'")
                        .query(String.class)
                        .list())
                .as("the budget keeps the flow's hash and the time, nothing of the password or the flow id")
                .hasSize(2)
                .noneMatch(subject -> subject.contains(flowId) || subject.contains(secret.toLowerCase(Locale.ROOT)));
    }

    @Test
    void thePortalsCheckAnswersOnlyOnThePasswordStepOfItsSessionAndNeedsItsCsrfToken() {
        PortalSession browser = new PortalSession("http://127.0.0.1:" + port);
        browser.get("/reset");
        browser.post("/reset/start", Map.of("login", "carol", "captcha", solvedCaptcha(http)));
        browser.get("/reset");
        browser.post("/reset/method", Map.of("methodId", "email"));
        browser.get("/reset");
        browser.post("/reset/contact", Map.of("contact", "carol@example.org"));
        browser.get("/reset");
        HttpResponse<String> early =
                browser.post("/reset/password/check", Map.of("newPassword", "P@ssw0rd2026!"), "application/json");
        assertThat(early.statusCode())
                .as("before the gates: as an unknown flow")
                .isEqualTo(404);
        assertThat(json(early).get("type").asString()).endsWith("/flow-not-found");

        browser.post("/reset/verify", Map.of("code", mailbox.awaitMailCode("carol@example.org", Kind.RESET_CODE)));
        assertThat(browser.get("/reset").body())
                .contains("name=\"newPassword\"")
                .contains("/reset/password/check");
        HttpResponse<String> check =
                browser.post("/reset/password/check", Map.of("newPassword", "Danvers2026!"), "application/json");
        assertThat(check.statusCode()).as(check.body()).isEqualTo(200);
        assertThat(json(check).get("violations").findValuesAsString("code")).containsExactly("password-too-common");
        assertThat(json(check).get("strength").asInt()).isEqualTo(1);
        HttpResponse<String> step = browser.post(
                "/reset/password", Map.of("newPassword", "Danvers2026!", "confirmPassword", "Danvers2026!"));
        assertThat(step.body())
                .contains(json(check).get("violations").get(0).get("message").asString());

        PortalSession stranger = new PortalSession("http://127.0.0.1:" + port);
        HttpResponse<String> forged =
                stranger.post("/reset/password/check", Map.of("newPassword", "Danvers2026!"), "application/json");
        assertThat(forged.statusCode()).as("no session, no CSRF token").isEqualTo(302);
        assertThat(PortalSession.location(forged)).isEqualTo("/reset?expired");
    }

    @Test
    void theChangePageChecksForTheSignedInUserOnly() {
        PortalSession browser = new PortalSession("http://127.0.0.1:" + port);
        browser.signIn("carol", "carol-demo-2026");
        assertThat(browser.get("/change?lang=nl").body())
                .contains("/change/check")
                .contains("Minstens 8 tekens.");
        HttpResponse<String> check =
                browser.post("/change/check", Map.of("newPassword", "Danvers2026!"), "application/json");
        assertThat(check.statusCode()).as(check.body()).isEqualTo(200);
        assertThat(json(check).get("violations").get(0).get("message").asString())
                .as("in the session's language")
                .startsWith("Vermijd");
        assertThat(json(check).get("accepted").asBoolean()).isFalse();

        PortalSession stranger = new PortalSession("http://127.0.0.1:" + port);
        stranger.get("/reset");
        HttpResponse<String> anonymous =
                stranger.post("/change/check", Map.of("newPassword", "Danvers2026!"), "application/json");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(PortalSession.location(anonymous)).startsWith("/login");
    }

    @Test
    void theRulesComeFromThePolicyOnThePagesAndInTheFlowsAnswer() {
        assertThat(admin.put(
                                "/api/v1/admin/password-policy",
                                Map.of("minLength", 14, "requireThreeClasses", true, "historySize", 5))
                        .status())
                .isEqualTo(200);
        JsonNode rules = startFlow("carol").json().get("password");
        assertThat(rules.get("minLength").asInt()).isEqualTo(14);
        List<String> texts = new ArrayList<>();
        rules.get("rules").forEach(rule -> texts.add(rule.asString()));
        assertThat(texts)
                .contains(
                        "At least 14 characters.",
                        "At least three of: capital letters, small letters, digits and other characters.",
                        "Not a password that appeared in a data breach.",
                        "None of your last 5 passwords.");
        assertThat(startFlow("nobody-at-all").json().get("password"))
                .as("the policy is everyone's: a decoy shows the same")
                .isEqualTo(rules);

        PortalSession browser = new PortalSession("http://127.0.0.1:" + port);
        browser.signIn("carol", "carol-demo-2026");
        assertThat(browser.get("/change").body())
                .contains("At least 14 characters.")
                .contains("At least three of:")
                .contains("None of your last 5 passwords.")
                .contains("data-min-length=\"14\"");
    }

    private String verifiedFlow(String login, String address) {
        String flowId = startFlow(login).json().get("flowId").asString();
        assertThat(http.post(path(flowId, "challenges"), Map.of("methodId", "email", "contact", address))
                        .status())
                .isEqualTo(202);
        Http.Response verified = http.post(
                path(flowId, "verifications"),
                Map.of("methodId", "email", "code", mailbox.awaitMailCode(address, Kind.RESET_CODE)));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        return flowId;
    }

    /** What a client sees of an answer: all but the {@code instance}, which is the path it asked. */
    private static List<String> problem(Http.Response response) {
        JsonNode body = response.json();
        return List.of(
                Integer.toString(response.status()),
                body.get("type").asString(),
                body.get("title").asString(),
                body.get("detail").asString(),
                String.join(",", body.propertyNames()));
    }

    private int auditEvents() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_record")
                .query(Integer.class)
                .single();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static String check(String flowId) {
        return path(flowId, "password/check");
    }

    private static String path(String flowId, String step) {
        return "/api/v1/reset/flows/" + flowId + "/" + step;
    }
}
