package org.opensspr.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensspr.Http;
import org.opensspr.ServerIntegrationTest;
import org.opensspr.audit.AuditCsv;
import org.opensspr.audit.AuditEvent;
import org.opensspr.audit.AuditLog;
import org.opensspr.audit.AuditResult;
import org.opensspr.audit.ClientType;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The audit browser of the admin API: every filter, cursor paging that returns each event once while
 * new ones are written, refused cursors and filters, and the CSV export without a row limit. The log
 * is shared by every test and never emptied, so each test writes events of a user of its own
 * ({@link #user}) through the real {@link AuditLog} (valid MACs: the chain still verifies) and
 * filters by it.
 */
class AuditPagingIntegrationTests extends ServerIntegrationTest {

    private static final Instant T = Instant.parse("2021-03-04T05:06:07Z");

    @Autowired
    AuditLog audit;

    private String user;

    @BeforeEach
    void ownUser() {
        user = "paging-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private void event(int minute, String activity, AuditResult result, String actor, String ip, ClientType type) {
        audit.record(
                new AuditEvent(T.plusSeconds(60L * minute), activity, result, actor, user, ip, type, "e" + minute));
    }

    /** The details ({@code e<minute>}) of the events the query answers, newest first; fails on anything but 200. */
    private List<String> details(String query) {
        return detailsOf("target=" + user + query);
    }

    private List<String> detailsOf(String query) {
        Http.Response page = admin.get("/api/v1/admin/audit?" + query);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<String> details = new ArrayList<>();
        page.json().get("events").forEach(e -> details.add(e.get("details").asString()));
        return details;
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void everyFilterNarrowsTheEventsAndTheFiltersCombine() {
        event(0, "Reset password (self-service)", AuditResult.Success, "alice", "10.1.0.1", ClientType.Browser);
        event(1, "Reset password (self-service)", AuditResult.Failure, "bob", "10.1.0.2", ClientType.Api);
        event(
                2,
                "Unlock user account (self-service)",
                AuditResult.Success,
                "alice",
                "10.1.0.2",
                ClientType.LogonScreen);
        event(3, "Unlock user account (self-service)", AuditResult.Blocked, "bob", "10.1.0.1", ClientType.Browser);

        assertThat(details("")).containsExactly("e3", "e2", "e1", "e0");
        assertThat(detailsOf("target=" + user.toUpperCase(Locale.ROOT)))
                .as("the user, case-insensitively")
                .hasSize(4);
        assertThat(details("&from=" + T.plusSeconds(60))).containsExactly("e3", "e2", "e1");
        assertThat(details("&to=" + T.plusSeconds(120))).as("to is exclusive").containsExactly("e1", "e0");
        assertThat(details("&from=" + T.plusSeconds(60) + "&to=" + T.plusSeconds(180)))
                .containsExactly("e2", "e1");
        assertThat(details("&actor=ALICE")).containsExactly("e2", "e0");
        assertThat(details("&activity=" + encoded("Unlock user account (self-service)")))
                .containsExactly("e3", "e2");
        assertThat(details("&clientType=Browser")).containsExactly("e3", "e0");
        assertThat(details("&clientType=LogonScreen")).containsExactly("e2");
        assertThat(details("&ip=10.1.0.2")).containsExactly("e2", "e1");
        assertThat(details("&result=Failure")).containsExactly("e1");
        assertThat(details("&actor=bob&ip=10.1.0.1&result=Blocked&clientType=Browser"))
                .as("all filters at once, with AND")
                .containsExactly("e3");
        assertThat(details("&actor=bob&result=Success")).isEmpty();
        assertThat(details("&limit=2")).containsExactly("e3", "e2");
    }

    @Test
    void followingNextReturnsEveryEventOnceEvenWhileNewOnesAreWritten() {
        for (int i = 0; i < 23; i++) {
            event(i, "Reset password (self-service)", AuditResult.Success, "alice", "10.2.0.1", ClientType.Browser);
        }
        List<String> seen = new ArrayList<>();
        Http.Response page = admin.get("/api/v1/admin/audit?target=" + user + "&limit=5");
        int pages = 0;
        while (true) {
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            JsonNode body = page.json();
            body.get("events").forEach(e -> seen.add(e.get("details").asString()));
            pages++;
            if (pages == 1) {
                // Written after the first page: newer than every event still to come, so never on a later page.
                for (int i = 100; i < 103; i++) {
                    event(i, "Reset password (self-service)", AuditResult.Success, "x", "10.2.0.1", ClientType.Api);
                }
            }
            assertThat(body.has("next"))
                    .as("next is always there, null on the last page")
                    .isTrue();
            if (body.get("next").isNull()) {
                assertThat(page.header("Link")).isNull();
                break;
            }
            String link = page.header("Link");
            assertThat(link)
                    .startsWith("</api/v1/admin/audit?target=" + user + "&limit=5&cursor=")
                    .endsWith(">; rel=\"next\"")
                    .contains("cursor=" + body.get("next").asString());
            // Alternately follow the Link header and build the URL from next: both lead to the same page.
            page = pages % 2 == 0
                    ? admin.get(link.substring(1, link.indexOf('>')))
                    : admin.get("/api/v1/admin/audit?target=" + user + "&limit=5&cursor="
                            + body.get("next").asString());
        }
        List<String> expected = new ArrayList<>();
        for (int i = 22; i >= 0; i--) {
            expected.add("e" + i);
        }
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(5);
        assertThat(details("&limit=3"))
                .as("the new events lead the next first page")
                .startsWith("e102", "e101");
    }

    @Test
    void aLinkCarriesEveryFilter() {
        for (int i = 0; i < 3; i++) {
            event(i, "Unlock user account (self-service)", AuditResult.Failure, "carol", "10.3.0.1", ClientType.Api);
        }
        Http.Response page = admin.get("/api/v1/admin/audit?target=" + user + "&from=" + T + "&to=" + T.plusSeconds(600)
                + "&actor=carol&activity=" + encoded("Unlock user account (self-service)")
                + "&clientType=Api&ip=10.3.0.1&result=Failure&limit=2");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        String link = page.header("Link");
        assertThat(link)
                .startsWith("</api/v1/admin/audit?from=" + encoded(T.toString()) + "&to="
                        + encoded(T.plusSeconds(600).toString()) + "&target=" + user + "&actor=carol&activity="
                        + encoded("Unlock user account (self-service)")
                        + "&clientType=Api&ip=10.3.0.1&result=Failure&limit=2&cursor=");
        JsonNode last = admin.get(link.substring(1, link.indexOf('>'))).json();
        assertThat(last.get("events")).hasSize(1);
        assertThat(last.get("events").get(0).get("details").asString()).isEqualTo("e0");
        assertThat(last.get("next").isNull()).isTrue();
    }

    @Test
    void aTamperedMalformedOrForeignCursorIsRefused() {
        for (int i = 0; i < 3; i++) {
            event(i, "Reset password (self-service)", AuditResult.Success, "alice", "10.4.0.1", ClientType.Browser);
        }
        String next = admin.get("/api/v1/admin/audit?target=" + user + "&limit=1")
                .json()
                .get("next")
                .asString();
        assertThat(admin.get("/api/v1/admin/audit?target=" + user + "&limit=1&cursor=" + next)
                        .status())
                .isEqualTo(200);
        String other = next.charAt(0) == 'A' ? "B" + next.substring(1) : "A" + next.substring(1);
        for (String query : List.of(
                "&cursor=" + other,
                "&cursor=" + next + "x",
                "&cursor=%25%25%25",
                "&cursor=" + "A".repeat(300),
                "&cursor=" + next + "&actor=alice")) {
            Http.Response refused = admin.get("/api/v1/admin/audit?target=" + user + "&limit=1" + query);
            assertThat(refused.status()).as(query + ": " + refused).isEqualTo(400);
            assertThat(refused.json().get("type").asString()).isEqualTo("https://opensspr.org/problems/cursor-invalid");
        }
        Http.Response dutch =
                admin.header("Accept-Language", "nl").get("/api/v1/admin/audit?target=" + user + "&cursor=" + other);
        assertThat(dutch.json().get("detail").asString()).contains("paginacursor");
    }

    @Test
    void wrongFiltersAreRefusedWithTheirOwnProblemOnPagesAndExport() {
        record Refusal(String query, String text) {}
        for (Refusal r : List.of(
                new Refusal(
                        "clientType=Telepathy",
                        "no ClientType 'Telepathy'. Known ClientTypes: Browser, LogonScreen, Api"),
                new Refusal("result=Maybe", "no result 'Maybe'. Known results: Success, Failure, Blocked"),
                new Refusal("from=" + T.plusSeconds(1) + "&to=" + T, "is after its end"),
                new Refusal("from=yesterday", "'yesterday' is not a valid time for from"),
                new Refusal("to=2026-13-01T00:00:00Z", "not a valid time for to"))) {
            for (String path : List.of("/api/v1/admin/audit?", "/api/v1/admin/audit.csv?")) {
                Http.Response refused = admin.get(path + r.query());
                assertThat(refused.status())
                        .as(path + r.query() + ": " + refused)
                        .isEqualTo(400);
                assertThat(refused.json().get("type").asString()).endsWith("/invalid-request");
                assertThat(refused.json().get("detail").asString()).contains(r.text());
            }
        }
        for (String limit : List.of("0", "1001", "-1", "many")) {
            Http.Response refused = admin.get("/api/v1/admin/audit?limit=" + limit);
            assertThat(refused.status()).as(limit).isEqualTo(400);
            assertThat(refused.json().get("detail").asString())
                    .isEqualTo("The limit must be a whole number from 1 to 1000.");
        }
        assertThat(admin.get("/api/v1/admin/audit?limit=1000").status()).isEqualTo(200);
        Http.Response dutch = admin.header("Accept-Language", "nl").get("/api/v1/admin/audit?clientType=Fax");
        assertThat(dutch.json().get("detail").asString())
                .isEqualTo("Er is geen ClientType 'Fax'. Bekende ClientTypes: Browser, LogonScreen, Api.");
    }

    @Test
    void theCsvExportHasEveryMatchingEventBeyondTheLargestPage() {
        int count = 1_050;
        for (int i = 0; i < count; i++) {
            event(i, "Reset password (self-service)", AuditResult.Success, "alice", "10.5.0.1", ClientType.Browser);
        }
        audit.record(new AuditEvent(
                T.plusSeconds(60L * count),
                "Reset password (self-service)",
                AuditResult.Failure,
                "=HYPERLINK(\"x\")",
                user,
                "10.5.0.1",
                ClientType.Api,
                "Müller said \"no\", twice ✓"));

        Http.Response csv = admin.get("/api/v1/admin/audit.csv?target=" + user + "&ip=10.5.0.1");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"audit.csv\"");
        String[] lines = csv.body().split("\r\n", -1);
        assertThat(lines).hasSize(1 + count + 1 + 1); // header, the events, the newest, and the empty end
        assertThat(lines[0]).isEqualTo("time,activity,result,actor,target,ip,clientType,details");
        assertThat(lines[1])
                .isEqualTo("\"" + T.plusSeconds(60L * count) + "\",\"Reset password (self-service)\",\"Failure\","
                        + "\"'=HYPERLINK(\"\"x\"\")\",\"" + user + "\",\"10.5.0.1\",\"Api\","
                        + "\"Müller said \"\"no\"\", twice ✓\"");
        assertThat(lines[count + 1]).endsWith(",\"e0\"");
        Set<String> distinct = new HashSet<>(List.of(lines));
        assertThat(distinct).as("every event once").hasSize(lines.length);

        Http.Response filtered = admin.get("/api/v1/admin/audit.csv?target=" + user + "&result=Failure&clientType=Api");
        assertThat(filtered.body().split("\r\n")).hasSize(2);
        Http.Response none = admin.get("/api/v1/admin/audit.csv?target=" + user + "&from=" + T.plusSeconds(999_999));
        assertThat(none.body()).as("no match: the header alone").isEqualTo(AuditCsv.HEADER);
    }

    @Test
    void theAuditBrowserAndExportNeedAnAdmin() {
        for (String path : List.of("/api/v1/admin/audit", "/api/v1/admin/audit.csv")) {
            assertThat(http.get(path).status()).as(path).isEqualTo(401);
            assertThat(http.basic("carol", "carol-demo-2026").get(path).status())
                    .as(path)
                    .isEqualTo(403);
            assertThat(http.basic("admin", "admin-demo-2026")
                            .get(path + "?target=" + user)
                            .status())
                    .as(path)
                    .isEqualTo(200);
        }
    }
}
