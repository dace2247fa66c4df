package org.opensspr.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensspr.Http;
import org.opensspr.PrometheusText;
import org.opensspr.ServerIntegrationTest;
import org.opensspr.notify.Message.Kind;

/**
 * {@code /actuator/prometheus}: for admins only (an API key or the admin group), and its SSPR
 * meters move by exactly what a reset through the API did. Counters are read before and after:
 * the shared context also counted earlier tests.
 */
class MetricsIntegrationTests extends ServerIntegrationTest {

    private PrometheusText scrape() {
        Http.Response answer = admin.get("/actuator/prometheus");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/plain");
        return new PrometheusText(answer.body());
    }

    @Test
    void anonymousCallersAndPlainUsersAreRefusedAndAnAdminGetsTheTextFormat() {
        assertThat(http.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(http.basic("bob", "bob-demo-2026")
                        .get("/actuator/prometheus")
                        .status())
                .isEqualTo(403);
        Http.Response asAdmin = http.basic("admin", "admin-demo-2026").get("/actuator/prometheus");
        assertThat(asAdmin.status()).isEqualTo(200);
        assertThat(asAdmin.contentType()).startsWith("text/plain");
        assertThat(asAdmin.body()).contains("# TYPE sspr_reset_flows_started_total counter");
    }

    @Test
    void aResetThroughTheApiMovesTheFlowCountersByExactlyWhatHappened() {
        Map<String, String> started = Map.of("client_type", "Browser", "eligible", "true");
        Map<String, String> decoy = Map.of("client_type", "Browser", "eligible", "false");
        Map<String, String> passed = Map.of("client_type", "Browser", "method", "email", "result", "passed");
        Map<String, String> failed = Map.of("client_type", "Browser", "method", "email", "result", "failed");
        Map<String, String> rejected = Map.of("client_type", "Browser", "reason", "password_rejected");
        Map<String, String> completed = Map.of("client_type", "Browser", "action", "reset");
        Map<String, String> modify = Map.of("operation", "modify");
        Map<String, String> smtp = Map.of("channel", "email");
        PrometheusText before = scrape();

        assertThat(startFlow("no-such-user-anywhere").status()).isEqualTo(201);
        String flowId = startFlow("bob").json().get("flowId").asString();
        String flow = "/api/v1/reset/flows/" + flowId;
        assertThat(http.post(flow + "/challenges", Map.of("methodId", "email", "contact", "bob@example.org"))
                        .status())
                .isEqualTo(202);
        String code = mailbox.awaitMailCode("bob@example.org", Kind.RESET_CODE);
        String wrong = code.equals("00000000") ? "11111111" : "00000000";
        assertThat(http.post(flow + "/verifications", Map.of("methodId", "email", "code", wrong))
                        .status())
                .isEqualTo(400);
        assertThat(http.post(flow + "/verifications", Map.of("methodId", "email", "code", code))
                        .status())
                .isEqualTo(200);
        assertThat(http.post(flow + "/password", Map.of("newPassword", "bob")).status())
                .isEqualTo(422);
        Http.Response reset = http.post(flow + "/password", Map.of("newPassword", "Bob-builds-2-houses"));
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        mailbox.awaitMail("bob@example.org", Kind.RESET_NOTICE);

        PrometheusText after = scrape();
        assertThat(moved(before, after, "sspr_reset_flows_started_total", started))
                .isEqualTo(1);
        assertThat(moved(before, after, "sspr_reset_flows_started_total", decoy))
                .isEqualTo(1);
        assertThat(moved(before, after, "sspr_reset_verifications_total", failed))
                .isEqualTo(1);
        assertThat(moved(before, after, "sspr_reset_verifications_total", passed))
                .isEqualTo(1);
        assertThat(moved(before, after, "sspr_reset_flows_failed_total", rejected))
                .isEqualTo(1);
        assertThat(moved(before, after, "sspr_reset_flows_completed_total", completed))
                .isEqualTo(1);
        assertThat(moved(before, after, "sspr_directory_operation_seconds_count", modify))
                .as("the password written and the account unlocked")
                .isGreaterThanOrEqualTo(1);
        assertThat(moved(before, after, "sspr_outbox_delivery_seconds_count", smtp))
                .as("the code and the notice were handed to the SMTP server")
                .isGreaterThanOrEqualTo(1);
        assertThat(after.has("sspr_outbox_queued_messages")).isTrue();
        assertThat(after.has("sspr_audit_verified")).isTrue();
        assertThat(after.has("sspr_throttle_hits_total")).isTrue();
        assertThat(after.text()).doesNotContain("bob@example.org").doesNotContain("uid=bob");
    }

    @Test
    void aThrottledSignInIsCountedAsAThrottleHit() {
        Map<String, String> signIn = Map.of("kind", "sign_in");
        PrometheusText before = scrape();
        Http wrong = http.basic("carol", "not-carols-password");
        int status = 0;
        for (int i = 0; i < 20 && status != 429; i++) {
            status = wrong.get("/api/v1/admin/policy").status();
        }
        assertThat(status).as("the sign-in throttle answers 429").isEqualTo(429);
        assertThat(moved(before, scrape(), "sspr_throttle_hits_total", signIn)).isEqualTo(1);
    }

    private static double moved(PrometheusText before, PrometheusText after, String name, Map<String, String> labels) {
        return after.value(name, labels) - before.value(name, labels);
    }
}
