package org.opensspr.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.opensspr.Http;
import org.opensspr.Mailbox;
import org.opensspr.ServerIntegrationTest;
import org.opensspr.notify.Message.Kind;
import tools.jackson.databind.JsonNode;

/** The reset flow over REST against the whole application, with mail delivered to a real SMTP server (GreenMail). */
class ResetFlowIntegrationTests extends ServerIntegrationTest {

    @Test
    void resetWithAnEmailCodeDeliveredBySmtpWritesThePasswordToTheDirectory() throws Exception {
        String flowId = start("bob");
        assertThat(http.post(path(flowId, "challenges"), Map.of("methodId", "email", "contact", "BOB@example.org"))
                        .status())
                .isEqualTo(202);
        MimeMessage mail = mailbox.awaitMail("bob@example.org", Kind.RESET_CODE);
        assertThat(mail.getSubject()).isEqualTo("Your password reset code");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("OpenSSPR <sspr@example.org>");

        Http.Response verified =
                http.post(path(flowId, "verifications"), Map.of("methodId", "email", "code", Mailbox.code(mail)));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.json().get("remaining").asInt()).isZero();
        Http.Response reset = http.post(path(flowId, "password"), Map.of("newPassword", "Bob-builds-2-houses"));
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);

        // The directory now takes the new password and refuses the old one (403: signed in, but no admin; 401: not
        // signed in).
        assertThat(http.basic("bob", "Bob-builds-2-houses")
                        .get("/api/v1/admin/policy")
                        .status())
                .isEqualTo(403);
        assertThat(http.basic("bob", "bob-demo-2026")
                        .get("/api/v1/admin/policy")
                        .status())
                .isEqualTo(401);
        MimeMessage notice = mailbox.awaitMail("bob@example.org", Kind.RESET_NOTICE);
        assertThat(notice.getSubject()).isEqualTo("Your password was reset");
        assertThat(mailbox.delivered("bob@example.org"))
                .as("one code, one notice")
                .hasSize(2);
    }

    @Test
    void aCodeCanBeUsedOnlyOnce() throws Exception {
        String flowId = start("carol");
        String code = sendCode(flowId, "carol@example.org");
        assertThat(http.post(path(flowId, "verifications"), Map.of("methodId", "email", "code", code))
                        .status())
                .isEqualTo(200);
        Http.Response again = http.post(path(flowId, "verifications"), Map.of("methodId", "email", "code", code));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("type").asString()).endsWith("/code-invalid");
    }

    @Test
    void aCodeExpiresAfterFiveMinutes() throws Exception {
        String flowId = start("carol");
        String code = sendCode(flowId, "carol@example.org");
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(http.post(path(flowId, "verifications"), Map.of("methodId", "email", "code", code))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aFlowExpiresAfterFifteenMinutes() throws Exception {
        String flowId = start("carol");
        clock.advance(Duration.ofMinutes(15));
        Http.Response late =
                http.post(path(flowId, "challenges"), Map.of("methodId", "email", "contact", "carol@example.org"));
        assertThat(late.status()).isEqualTo(404);
        assertThat(late.contentType()).startsWith("application/problem+json");
        assertThat(late.json().get("detail").asString()).contains("start again");
    }

    @Test
    void fiveWrongCodesLockTheFlowEvenForTheRightCode() throws Exception {
        String flowId = start("carol");
        String code = sendCode(flowId, "carol@example.org");
        String wrong = code.equals("00000000") ? "11111111" : "00000000";
        for (int attempt = 1; attempt < ResetFlowService.MAX_FAILURES; attempt++) {
            assertThat(http.post(path(flowId, "verifications"), Map.of("methodId", "email", "code", wrong))
                            .status())
                    .isEqualTo(400);
        }
        assertThat(http.post(path(flowId, "verifications"), Map.of("methodId", "email", "code", wrong))
                        .status())
                .isEqualTo(429);
        assertThat(http.post(path(flowId, "verifications"), Map.of("methodId", "email", "code", code))
                        .status())
                .isEqualTo(429);
    }

    @Test
    void guessesSentInParallelTakeTurnsSoAtMostFiveAreChecked() throws Exception {
        String flowId = start("carol");
        String code = sendCode(flowId, "carol@example.org");
        String wrong = code.equals("00000000") ? "11111111" : "00000000";
        long checkedBefore = incorrectCodesAudited("carol");
        ExecutorService guessers = Executors.newFixedThreadPool(40);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                answers.add(guessers.submit(
                        () -> http.post(path(flowId, "verifications"), Map.of("methodId", "email", "code", wrong))
                                .status()));
            }
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            guessers.shutdownNow();
        }

        assertThat(incorrectCodesAudited("carol") - checkedBefore)
                .as("guesses checked against the code, of 40 sent at once: %s", statuses)
                .isEqualTo(ResetFlowService.MAX_FAILURES);
        assertThat(statuses)
                .as("each guess is refused")
                .allMatch(status -> status == 400 || status == 429 || status == 503);
        assertThat(statuses.stream().filter(status -> status == 400).count())
                .isEqualTo(ResetFlowService.MAX_FAILURES - 1);
        assertThat(http.post(path(flowId, "verifications"), Map.of("methodId", "email", "code", code))
                        .status())
                .as("the flow is locked, even for the right code")
                .isEqualTo(429);
    }

    private long incorrectCodesAudited(String login) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE target = :login AND details = :details")
                .param("login", login)
                .param("details", "User entered an incorrect email code")
                .query(Long.class)
                .single();
    }

    @Test
    void anUnknownLoginGetsADecoyFlowOfTheSameShapeThatSendsNothingAndNeverVerifies() throws Exception {
        JsonNode real = startFlow("alice").json();
        Http.Response decoyResponse = startFlow("alfred");
        assertThat(decoyResponse.status()).isEqualTo(201);
        JsonNode decoy = decoyResponse.json();
        assertThat(fieldNames(decoy)).isEqualTo(fieldNames(real));
        assertThat(decoy.get("required")).isEqualTo(real.get("required"));
        assertThat(decoy.get("methods")).isEqualTo(real.get("methods"));

        String flowId = decoy.get("flowId").asString();
        assertThat(http.post(path(flowId, "challenges"), Map.of("methodId", "email", "contact", "alfred@example.org"))
                        .status())
                .isEqualTo(202);
        assertThat(mailbox.deliveredCount()).as("the decoy sent nothing").isZero();
        Http.Response guess = http.post(path(flowId, "verifications"), Map.of("methodId", "email", "code", "12345678"));
        assertThat(guess.status()).isEqualTo(400);
        assertThat(guess.json().get("type").asString()).endsWith("/code-invalid");
    }

    @Test
    void aCodeGoesOnlyToAFullAddressTheUserTyped() {
        String flowId = start("carol");
        Http.Response missing = http.post(path(flowId, "challenges"), Map.of("methodId", "email"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("type").asString()).endsWith("/contact-required");
    }

    @Test
    void aContactThatDoesNotMatchGetsTheSameAnswerButNoCode() throws Exception {
        String flowId = start("carol");
        assertThat(http.post(path(flowId, "challenges"), Map.of("methodId", "email", "contact", "mallory@example.org"))
                        .status())
                .isEqualTo(202);
        assertThat(mailbox.deliveredCount())
                .as("neither carol nor mallory got a code")
                .isZero();
    }

    @Test
    void aNumberTypedInTheNationalFormOfTheDefaultRegionMatchesTheMobileOnFile() throws Exception {
        policy(Map.of("methods", List.of("email", "sms")));
        String flowId = start("carol");
        assertThat(http.post(path(flowId, "challenges"), Map.of("methodId", "sms", "contact", "06 1234 5003"))
                        .status())
                .isEqualTo(202);
        String code = mailbox.awaitSmsCode("+31612345003", Kind.RESET_CODE);
        assertThat(http.post(path(flowId, "verifications"), Map.of("methodId", "sms", "code", code))
                        .json()
                        .get("remaining")
                        .asInt())
                .isZero();
    }

    @Test
    void aPasswordBeforeVerificationIsRefusedAndAWeakOneComesWithViolations() throws Exception {
        String flowId = start("carol");
        Http.Response early = http.post(path(flowId, "password"), Map.of("newPassword", "Long-enough-password-1"));
        assertThat(early.status()).isEqualTo(403);
        assertThat(early.json().get("remaining").asInt()).isEqualTo(1);

        String code = sendCode(flowId, "carol@example.org");
        assertThat(http.post(path(flowId, "verifications"), Map.of("methodId", "email", "code", code))
                        .status())
                .isEqualTo(200);
        Http.Response weak = http.post(path(flowId, "password"), Map.of("newPassword", "short"));
        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.json().get("violations").get(0).get("code").asString()).isEqualTo("password-too-short");
        // The flow is still usable after a refused password.
        assertThat(http.post(path(flowId, "password"), Map.of("newPassword", "Carol-flies-higher-9"))
                        .status())
                .isEqualTo(200);
        assertThat(http.post(path(flowId, "password"), Map.of("newPassword", "Carol-flies-higher-10"))
                        .status())
                .as("a completed flow cannot set a second password")
                .isEqualTo(404);
    }

    @Test
    void aDirectoryThatGoesAwayMidFlowGets503AndTheFlowCanBeRetried() throws Exception {
        String flowId = start("carol");
        String code = sendCode(flowId, "carol@example.org");
        assertThat(http.post(path(flowId, "verifications"), Map.of("methodId", "email", "code", code))
                        .status())
                .isEqualTo(200);

        directoryLink.down(true);
        Http.Response failed = http.post(path(flowId, "password"), Map.of("newPassword", "Carol-retries-later-1"));
        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.json().get("type").asString()).endsWith("/directory-unavailable");
        assertThat(failed.json().get("detail").asString()).contains("nothing was changed");
        // Health checks the directory in the background, at most once a second.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> http.get("/actuator/health")
                        .json()
                        .get("components")
                        .get("directory")
                        .get("status")
                        .asString()
                        .equals("DOWN"));
        JsonNode event = admin.get(
                        "/api/v1/admin/audit?target=carol&activity=Reset%20password%20(self-service)&limit=1")
                .json()
                .get("events")
                .get(0);
        assertThat(event.get("result").asString()).isEqualTo("Failure");

        directoryLink.down(false);
        assertThat(http.post(path(flowId, "password"), Map.of("newPassword", "Carol-retries-later-1"))
                        .status())
                .as("the same flow works once the directory is back")
                .isEqualTo(200);
    }

    @Test
    void aRequestWithoutALoginIsAProblemDetail() {
        Http.Response response = http.post("/api/v1/reset/flows", "{}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        Http.Response broken = http.post("/api/v1/reset/flows", "{not json");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("detail").asString()).contains("not valid JSON");
    }

    private String start(String login) {
        Http.Response started = startFlow(login);
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        return started.json().get("flowId").asString();
    }

    private String sendCode(String flowId, String recipient) {
        assertThat(http.post(path(flowId, "challenges"), Map.of("methodId", "email", "contact", recipient))
                        .status())
                .isEqualTo(202);
        return mailbox.awaitMailCode(recipient, Kind.RESET_CODE);
    }

    private static String path(String flowId, String step) {
        return "/api/v1/reset/flows/" + flowId + "/" + step;
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.propertyNames().stream().sorted().toList();
    }
}
