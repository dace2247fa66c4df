package org.opensspr.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensspr.Http;
import org.opensspr.ServerIntegrationTest;
import org.opensspr.notify.Message.Kind;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/admin/insights} against real events: a registration, admin-prefilled contacts, a reset
 * with one wrong code, and a decoy flow that ends blocked. The audit log is shared with every other test, so
 * the range is this test's own: the test clock moves on first, and every event of the test is at or after
 * {@code from}.
 */
class InsightsIntegrationTests extends ServerIntegrationTest {

    @Test
    void countsExactlyTheEventsOfTheRangeAndTheSecurityInfoOnFile() {
        clock.advance(Duration.ofMinutes(1));
        Instant from = clock.instant();

        registerEmail("alice", "alice.insights@example.net");
        // Pre-filled by an admin: alice's email once more (still one login with email), bob's phone only.
        assertThat(admin.put("/api/v1/admin/users/alice/contact", Map.of("email", "alice.desk@example.net"))
                        .status())
                .isEqualTo(200);
        assertThat(admin.put("/api/v1/admin/users/bob/contact", Map.of("phone", "+31612345678"))
                        .status())
                .isEqualTo(200);

        // Carol resets with her directory address after one wrong code.
        String flowId = start("carol");
        assertThat(http.post(path(flowId, "challenges"), Map.of("methodId", "email", "contact", "carol@example.org"))
                        .status())
                .isEqualTo(202);
        String code = mailbox.awaitMailCode("carol@example.org", Kind.RESET_CODE);
        String wrong = code.equals("00000000") ? "11111111" : "00000000";
        assertThat(http.post(path(flowId, "verifications"), Map.of("methodId", "email", "code", wrong))
                        .status())
                .isEqualTo(400);
        assertThat(http.post(path(flowId, "verifications"), Map.of("methodId", "email", "code", code))
                        .status())
                .isEqualTo(200);
        assertThat(http.post(path(flowId, "password"), Map.of("newPassword", "Carol-counts-7-sheep"))
                        .status())
                .isEqualTo(200);

        // An unknown login gets a decoy, whose five wrong codes lock the flow and block the login.
        String nobody = "insights-nobody-" + System.nanoTime();
        String decoy = start(nobody);
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(http.post(path(decoy, "verifications"), Map.of("methodId", "email", "code", "00000000"))
                            .status())
                    .isEqualTo(attempt < 5 ? 400 : 429);
        }
        Instant to = clock.instant().plusMillis(1);

        Http.Response answer = admin.get("/api/v1/admin/insights?from=" + from + "&to=" + to);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode insights = answer.json();
        assertThat(insights.get("from").asString()).isEqualTo(from.toString());

        assertThat(series(insights.get("resetsByClientType")))
                .containsExactly(Map.entry("Browser", 1L), Map.entry("LogonScreen", 0L), Map.entry("Api", 0L));
        assertThat(series(insights.get("unlocksByClientType")))
                .containsExactly(Map.entry("Browser", 0L), Map.entry("LogonScreen", 0L), Map.entry("Api", 0L));
        assertThat(series(insights.get("verificationsByMethod")))
                .containsExactly(
                        Map.entry("email", 1L),
                        Map.entry("sms", 0L),
                        Map.entry("totp", 0L),
                        Map.entry("questions", 0L));
        assertThat(series(insights.get("registrationsByMethod")))
                .containsExactly(
                        Map.entry("email", 1L),
                        Map.entry("sms", 0L),
                        Map.entry("totp", 0L),
                        Map.entry("questions", 0L));

        List<String> failures = new ArrayList<>();
        insights.get("failures")
                .forEach(f -> failures.add(f.get("activity").asString() + " | "
                        + f.get("result").asString() + " | " + f.get("reason").asString() + " | "
                        + f.get("count").asLong()));
        assertThat(failures)
                .containsExactly(
                        "Self-service password reset flow activity progress | Failure"
                                + " | User entered an incorrect email code | 6",
                        "Self-service password reset flow activity progress | Blocked"
                                + " | User failed verification too many times in one flow | 1",
                        "Self-service password reset flow activity progress | Failure | User ID not found | 1");

        JsonNode blocked = insights.get("topBlocked");
        assertThat(blocked).hasSize(1);
        assertThat(blocked.get(0).get("login").asString()).isEqualTo(nobody);
        assertThat(blocked.get(0).get("blocked").asLong()).isEqualTo(blockedEventsInAudit(nobody));
        assertThat(blocked.get(0).get("blocked").asLong()).isGreaterThanOrEqualTo(2);

        JsonNode coverage = insights.get("coverage");
        assertThat(coverage.get("basis").asString()).isEqualTo("security-info-on-file");
        assertThat(coverage.get("methodsRequired").asInt()).isEqualTo(1);
        assertThat(coverage.get("directoryContactsCount").asBoolean()).isTrue();
        assertThat(methodUsers(coverage))
                .containsExactly(
                        Map.entry("email", 1L),
                        Map.entry("sms", 1L),
                        Map.entry("totp", 0L),
                        Map.entry("questions", 0L));
        assertThat(coverage.get("usersWithSecurityInfo").asLong()).isEqualTo(2);
        assertThat(coverage.get("usersAbleToReset").asLong())
                .as("alice; bob's phone does not count")
                .isEqualTo(1);
        assertThat(coverage.get("usersUnableToReset").asLong()).isEqualTo(1);

        policy(Map.of("methods", List.of("email", "sms")));
        JsonNode now = admin.get("/api/v1/admin/insights").json().get("coverage");
        assertThat(now.get("usersAbleToReset").asLong()).as("SMS counts now").isEqualTo(2);
        assertThat(now.get("usersUnableToReset").asLong()).isZero();
    }

    @Test
    void onlyAdminsMayReadInsights() {
        assertThat(http.get("/api/v1/admin/insights").status()).isEqualTo(401);
        assertThat(http.basic("carol", "carol-demo-2026")
                        .get("/api/v1/admin/insights")
                        .status())
                .isEqualTo(403);
        assertThat(http.basic("admin", "admin-demo-2026")
                        .get("/api/v1/admin/insights")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theDefaultRangeIsTheLastThirtyDaysAndABadRangeIs400InTheCallersLanguage() {
        JsonNode insights = admin.get("/api/v1/admin/insights").json();
        Instant to = Instant.parse(insights.get("to").asString());
        assertThat(to).as("now included").isEqualTo(clock.instant().plusMillis(1));
        assertThat(Instant.parse(insights.get("from").asString())).isEqualTo(to.minus(Duration.ofDays(30)));
        assertThat(insights.get("resetsByClientType").get("days").size()).isBetween(30, 31);

        for (String query : List.of("from=2026-11-02&to=2026-11-01", "from=2025-01-01&to=2026-01-02", "from=soon")) {
            Http.Response bad = admin.get("/api/v1/admin/insights?" + query);
            assertThat(bad.status()).as(query).isEqualTo(400);
            assertThat(bad.json().get("type").asString()).endsWith("/invalid-request");
            assertThat(bad.json().get("detail").asString()).contains("366 days");
        }
        Http.Response dutch =
                admin.header("Accept-Language", "nl").get("/api/v1/admin/insights?from=2026-11-02&to=2026-11-01");
        assertThat(dutch.json().get("detail").asString()).contains("hoogstens 366 dagen");
    }

    /** Alice registers an email address of her own: a step-up proof by her directory address, then the code. */
    private void registerEmail(String login, String address) {
        Http user = http.basic(login, login + "-demo-2026");
        assertThat(user.post("/api/v1/me/step-up/challenges", Map.of("methodId", "email"))
                        .status())
                .isEqualTo(202);
        String stepUp = mailbox.awaitMailCode(login + "@example.org", Kind.STEP_UP_CODE);
        String proof = user.post("/api/v1/me/step-up/verifications", Map.of("methodId", "email", "code", stepUp))
                .json()
                .get("token")
                .asString();
        Http proven = user.header("Sspr-Step-Up", proof);
        assertThat(proven.post("/api/v1/me/methods/email", Map.of("address", address))
                        .status())
                .isEqualTo(202);
        String code = mailbox.awaitMailCode(address, Kind.REGISTRATION_CODE);
        assertThat(proven.post("/api/v1/me/methods/email/verify", Map.of("code", code))
                        .status())
                .isEqualTo(200);
    }

    private long blockedEventsInAudit(String login) {
        long blocked = 0;
        for (JsonNode event : admin.get("/api/v1/admin/audit?target=" + login + "&limit=1000")
                .json()
                .get("events")) {
            if (event.get("result").asString().equals("Blocked")) {
                blocked++;
            }
        }
        return blocked;
    }

    /** Each series' name and total, in the answer's order. */
    private static List<Map.Entry<String, Long>> series(JsonNode daily) {
        List<Map.Entry<String, Long>> totals = new ArrayList<>();
        for (JsonNode s : daily.get("series")) {
            long total = 0;
            for (JsonNode count : s.get("counts")) {
                total += count.asLong();
            }
            assertThat(s.get("counts").size()).isEqualTo(daily.get("days").size());
            totals.add(Map.entry(s.get("name").asString(), total));
        }
        return totals;
    }

    private static List<Map.Entry<String, Long>> methodUsers(JsonNode coverage) {
        List<Map.Entry<String, Long>> users = new ArrayList<>();
        coverage.get("usersByMethod")
                .forEach(m -> users.add(
                        Map.entry(m.get("method").asString(), m.get("users").asLong())));
        return users;
    }

    private String start(String login) {
        Http.Response started = startFlow(login);
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        return started.json().get("flowId").asString();
    }

    private static String path(String flowId, String step) {
        return "/api/v1/reset/flows/" + flowId + "/" + step;
    }
}
