package org.opensspr.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensspr.Http;
import org.opensspr.ServerIntegrationTest;
import org.opensspr.notify.Message.Kind;
import tools.jackson.databind.JsonNode;

/**
 * Health while mail cannot be delivered: the node stays UP and ready (mail waits in the outbox), the
 * {@code outbox} component says DEGRADED, and delivery resumes when the SMTP server is back. Metrics are
 * for admins only.
 */
class OutboxHealthIntegrationTests extends ServerIntegrationTest {

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private JsonNode health(Http client) {
        Http.Response health = client.get("/actuator/health");
        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        return health.json();
    }

    private static String outbox(JsonNode health) {
        return health.get("components").get("outbox").get("status").asString();
    }

    @Test
    void healthStaysUpWhileSmtpIsDownAndMailWaitsThenRecovers() {
        Http.Response started = startFlow("carol");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String flow = "/api/v1/reset/flows/" + started.json().get("flowId").asString();

        SMTP.stop();
        try {
            assertThat(http.post(flow + "/challenges", Map.of("methodId", "email", "contact", "carol@example.org"))
                            .status())
                    .isEqualTo(202);
            // The code's first delivery fails at once; the retry waits for the (test) clock to pass its backoff.
            await().atMost(DEADLINE)
                    .until(() -> jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE attempts > 0")
                                    .query(Integer.class)
                                    .single()
                            == 1);

            JsonNode degraded = await().atMost(DEADLINE).until(() -> health(http), h -> "DEGRADED".equals(outbox(h)));
            assertThat(degraded.get("status").asString()).isEqualTo("UP");
            assertThat(degraded.get("components").get("outbox").has("details"))
                    .as("details are for admins")
                    .isFalse();
            Http.Response readiness = http.get("/actuator/health/readiness");
            assertThat(readiness.status()).isEqualTo(200);
            assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
            assertThat(readiness.json().get("components").propertyNames())
                    .containsExactlyInAnyOrder("readinessState", "db", "directory");

            JsonNode details = health(admin).get("components").get("outbox").get("details");
            assertThat(details.get("queued").asInt()).isEqualTo(1);
            assertThat(details.get("retrying").asInt()).isEqualTo(1);
            assertThat(details.get("lastError").asString()).isNotBlank().doesNotContain("carol@example.org");
        } finally {
            SMTP.start();
        }

        clock.advance(Duration.ofSeconds(1));
        String code = mailbox.awaitMailCode("carol@example.org", Kind.RESET_CODE);
        assertThat(http.post(flow + "/verifications", Map.of("methodId", "email", "code", code))
                        .status())
                .isEqualTo(200);
        await().atMost(DEADLINE).until(() -> health(http), h -> "UP".equals(outbox(h)));
    }

    @Test
    void metricsAreForAdminsOnlyAndCountDeliveredMail() {
        assertThat(http.get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(http.basic("alice", "alice-demo-2026")
                        .get("/actuator/metrics")
                        .status())
                .isEqualTo(403);
        assertThat(admin.get("/actuator/metrics")
                        .json()
                        .get("names")
                        .valueStream()
                        .map(JsonNode::asString))
                .contains("sspr.outbox.delivered", "sspr.outbox.queued", "sspr.outbox.oldest.age");

        double before = deliveredMail();
        Http.Response started = startFlow("bob");
        String flow = "/api/v1/reset/flows/" + started.json().get("flowId").asString();
        assertThat(http.post(flow + "/challenges", Map.of("methodId", "email", "contact", "bob@example.org"))
                        .status())
                .isEqualTo(202);
        mailbox.awaitMail("bob@example.org", Kind.RESET_CODE);
        await().atMost(DEADLINE).until(() -> deliveredMail() == before + 1);
    }

    private double deliveredMail() {
        Http.Response delivered = admin.get("/actuator/metrics/sspr.outbox.delivered?tag=channel:email");
        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
        return delivered.json().get("measurements").get(0).get("value").asDouble();
    }
}
