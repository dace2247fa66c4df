package org.opensspr.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opensspr.Http;
import org.opensspr.ServerIntegrationTest;
import org.opensspr.directory.Directory;
import org.opensspr.notify.Message.Kind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import tools.jackson.databind.JsonNode;

/** Users register their methods under /api/v1/me and reset with them, against the whole application. */
class RegistrationIntegrationTests extends ServerIntegrationTest {

    @Autowired
    @Qualifier("directory")
    Directory realDirectory;

    private String proof;

    /** Alice, signed in with Basic and with a step-up proof (a code sent to her directory address). */
    private Http alice() {
        Http alice = http.basic("alice", "alice-demo-2026");
        if (proof == null) {
            assertThat(alice.post("/api/v1/me/step-up/challenges", Map.of("methodId", "email"))
                            .status())
                    .isEqualTo(202);
            String code = mailbox.awaitMailCode("alice@example.org", Kind.STEP_UP_CODE);
            proof = alice.post("/api/v1/me/step-up/verifications", Map.of("methodId", "email", "code", code))
                    .json()
                    .get("token")
                    .asString();
        }
        return alice.header("Sspr-Step-Up", proof);
    }

    @AfterEach
    void resetPolicyAndAlice() {
        admin.put("/api/v1/admin/policy", Map.of());
        jdbc.sql("DELETE FROM registered_method").update();
    }

    @Test
    void anEmailAddressCountsOnlyAfterItsCodeComesBack() throws Exception {
        String address = "alice.private@example.net";
        assertThat(alice().post("/api/v1/me/methods/email", Map.of("address", address))
                        .status())
                .isEqualTo(202);
        String code = mailbox.awaitMailCode(address, Kind.REGISTRATION_CODE);
        assertThat(alice().get("/api/v1/me/methods").json().get("registered")).isEmpty();
        assertThat(alice().post("/api/v1/me/methods/email/verify", Map.of("code", "00000000"))
                        .status())
                .isEqualTo(400);
        assertThat(alice().post("/api/v1/me/methods/email/verify", Map.of("code", code))
                        .status())
                .isEqualTo(200);

        JsonNode methods = alice().get("/api/v1/me/methods").json();
        assertThat(methods.get("registered").get(0).get("hint").asString()).isEqualTo("a*****@e*****.net");
        assertThat(methods.get("usable").get(0).get("hint").asString())
                .as("the user's own address wins")
                .isEqualTo("a*****@e*****.net");
        assertThat(methods.get("complete").asBoolean()).isTrue();
        assertThat(methods.get("reconfirmDue").asBoolean()).isFalse();
        clock.advance(Duration.ofDays(181));
        assertThat(alice().get("/api/v1/me/methods").json().get("reconfirmDue").asBoolean())
                .as("older than the policy's 180 days")
                .isTrue();
        JsonNode event = admin.get(
                        "/api/v1/admin/audit?target=alice&activity=User%20registered%20security%20info&limit=1")
                .json()
                .get("events")
                .get(0);
        assertThat(event.get("details").asString()).isEqualTo("User registered email");
        assertThat(alice().post("/api/v1/me/methods/email/verify", Map.of("code", code))
                        .status())
                .as("used up")
                .isEqualTo(404);
    }

    @Test
    void aPhoneNumberIsCheckedAndConfirmedBySms() throws Exception {
        Http.Response invalid = alice().post("/api/v1/me/methods/sms", Map.of("phone", "+31 12"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("detail").asString()).contains("not a valid phone number");

        String number = "+31612345679";
        assertThat(alice().post("/api/v1/me/methods/sms", Map.of("phone", "+31 6 1234 5679"))
                        .status())
                .isEqualTo(202);
        String code = mailbox.awaitSmsCode(number, Kind.REGISTRATION_CODE);
        assertThat(alice().post("/api/v1/me/methods/sms/verify", Map.of("code", code))
                        .status())
                .isEqualTo(200);
        assertThat(alice().get("/api/v1/me/methods")
                        .json()
                        .get("registered")
                        .get(0)
                        .get("hint")
                        .asString())
                .isEqualTo("+*********79");
        assertThat(alice().send("DELETE", "/api/v1/me/methods/sms", null).status())
                .isEqualTo(204);
        assertThat(alice().send("DELETE", "/api/v1/me/methods/sms", null).status())
                .isEqualTo(404);
    }

    @Test
    void anAuthenticatorAppIsRegisteredWithAQrCodeAndEachCodeWorksOnce() throws Exception {
        JsonNode enrollment = alice().post("/api/v1/me/methods/totp", Map.of()).json();
        byte[] secret = Base32.decode(enrollment.get("secret").asString());
        assertThat(secret).hasSize(20);
        assertThat(enrollment.get("otpauthUri").asString()).startsWith("otpauth://totp/OpenSSPR:alice?secret=");
        assertThat(enrollment.get("qrSvg").asString()).contains("<svg").contains("<title>");

        Totp totp = new Totp(clock);
        String first = totp.codeAt(secret, totp.currentStep());
        assertThat(alice().post("/api/v1/me/methods/totp/verify", Map.of("code", first))
                        .status())
                .isEqualTo(200);

        admin.put("/api/v1/admin/policy", Map.of("methodsRequired", 2, "methods", List.of("email", "totp")));
        JsonNode flow = startFlow("alice").json();
        assertThat(flow.get("required").asInt()).isEqualTo(2);
        assertThat(flow.get("methods").findValuesAsString("type")).containsExactly("email", "totp");
        String flowId = flow.get("flowId").asString();
        Http.Response replay = http.post(
                "/api/v1/reset/flows/" + flowId + "/verifications", Map.of("methodId", "totp", "code", first));
        assertThat(replay.status())
                .as("the code used at registration cannot be used again")
                .isEqualTo(400);
        clock.advance(Duration.ofSeconds(30));
        String next = totp.codeAt(secret, totp.currentStep());
        Http.Response verified =
                http.post("/api/v1/reset/flows/" + flowId + "/verifications", Map.of("methodId", "totp", "code", next));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.json().get("remaining").asInt()).isEqualTo(1);
        assertThat(http.post(
                                "/api/v1/reset/flows/" + flowId + "/verifications",
                                Map.of("methodId", "totp", "code", next))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void securityQuestionsAreRegisteredDistinctAndAskedAtRandomWithAnotherMethod() throws Exception {
        JsonNode available = alice().get("/api/v1/me/questions").json();
        assertThat(available.get("toRegister").asInt()).isEqualTo(3);
        assertThat(available.get("questions").size()).isGreaterThanOrEqualTo(20);
        List<String> ids = available.get("questions").findValuesAsString("id").subList(0, 3);

        Http.Response same = alice().put(
                        "/api/v1/me/methods/questions",
                        Map.of(
                                "answers",
                                List.of(
                                        Map.of("questionId", ids.get(0), "answer", "Fluffy"),
                                        Map.of("questionId", ids.get(1), "answer", "  FLUFFY "),
                                        Map.of("questionId", ids.get(2), "answer", "Amsterdam"))));
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.json().get("detail").asString()).contains("same");

        Map<String, String> answers = new LinkedHashMap<>();
        answers.put(ids.get(0), "Fluffy the cat");
        answers.put(ids.get(1), "Amsterdam");
        answers.put(ids.get(2), "Mrs. Jansen");
        List<Map<String, String>> body = new ArrayList<>();
        answers.forEach((id, answer) -> body.add(Map.of("questionId", id, "answer", answer)));
        assertThat(alice().put("/api/v1/me/methods/questions", Map.of("answers", body))
                        .status())
                .isEqualTo(200);

        admin.put("/api/v1/admin/policy", Map.of("methodsRequired", 2, "methods", List.of("email", "questions")));
        String flowId = startFlow("alice").json().get("flowId").asString();
        JsonNode asked = http.post("/api/v1/reset/flows/" + flowId + "/challenges", Map.of("methodId", "questions"))
                .json();
        assertThat(asked.get("questions").findValuesAsString("id"))
                .containsExactlyInAnyOrderElementsOf(answers.keySet());
        Http.Response wrong = http.post(
                "/api/v1/reset/flows/" + flowId + "/verifications",
                Map.of(
                        "methodId",
                        "questions",
                        "answers",
                        asked.get("questions").findValuesAsString("id").stream()
                                .map(id -> Map.of("id", id, "answer", "nope"))
                                .toList()));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("type").asString()).endsWith("/answers-invalid");

        JsonNode again = http.post("/api/v1/reset/flows/" + flowId + "/challenges", Map.of("methodId", "questions"))
                .json();
        Http.Response right = http.post(
                "/api/v1/reset/flows/" + flowId + "/verifications",
                Map.of(
                        "methodId",
                        "questions",
                        "answers",
                        again.get("questions").findValuesAsString("id").stream()
                                .map(id -> Map.of(
                                        "id",
                                        id,
                                        "answer",
                                        " " + answers.get(id).toUpperCase(Locale.ROOT) + " "))
                                .toList()));
        assertThat(right.status()).as(right.toString()).isEqualTo(200);
        assertThat(right.json().get("remaining").asInt()).isEqualTo(1);
    }

    @Test
    void adminsAlwaysNeedTwoMethodsAndNeverSecurityQuestions() {
        admin.put("/api/v1/admin/policy", Map.of("methodsRequired", 1, "methods", List.of("email", "questions")));
        JsonNode flow = startFlow("admin").json();
        assertThat(flow.get("required").asInt()).isEqualTo(2);
        assertThat(flow.get("methods").findValuesAsString("type")).containsExactly("email", "sms");
        assertThat(http.basic("admin", "admin-demo-2026")
                        .get("/api/v1/me/methods")
                        .json()
                        .get("allowed")
                        .toString())
                .isEqualTo("[\"email\",\"sms\",\"totp\"]");
    }

    @Test
    void aUserChangesTheirPasswordKnowingTheCurrentOne() {
        Http.Response wrong = alice().post(
                        "/api/v1/me/password", Map.of("currentPassword", "guess", "newPassword", "Alice-new-pw-1"));
        assertThat(wrong.status()).isEqualTo(400);
        Http.Response weak = alice().post(
                        "/api/v1/me/password", Map.of("currentPassword", "alice-demo-2026", "newPassword", "short"));
        assertThat(weak.status()).isEqualTo(422);
        assertThat(alice().post(
                                "/api/v1/me/password",
                                Map.of("currentPassword", "alice-demo-2026", "newPassword", "Alice-new-pw-1"))
                        .status())
                .isEqualTo(200);
        assertThat(http.basic("alice", "Alice-new-pw-1")
                        .get("/api/v1/me/methods")
                        .status())
                .isEqualTo(200);
        Http.Response common = http.basic("alice", "Alice-new-pw-1")
                .post(
                        "/api/v1/me/password",
                        Map.of("currentPassword", "Alice-new-pw-1", "newPassword", "alice-demo-2026"));
        assertThat(common.status())
                .as("the demo password is too common to choose")
                .isEqualTo(422);
        realDirectory.resetPassword(realDirectory.findUser("alice").orElseThrow(), "alice-demo-2026");
        assertThat(admin.get("/api/v1/admin/audit?target=alice&activity=Change%20password%20(self-service)&limit=1")
                        .json()
                        .get("events")
                        .get(0)
                        .get("result")
                        .asString())
                .isEqualTo("Success");
    }
}
