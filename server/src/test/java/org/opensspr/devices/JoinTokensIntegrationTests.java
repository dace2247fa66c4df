package org.opensspr.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensspr.Http;
import org.opensspr.ServerIntegrationTest;
import org.opensspr.secrets.Digests;
import tools.jackson.databind.JsonNode;

/**
 * Join tokens in the admin API: listed with their state (revoked, then expired, then used-up, then
 * active) but never the token, paged, revoked (audited; no device joins with it any more), and
 * forgotten a week after they expire.
 */
class JoinTokensIntegrationTests extends ServerIntegrationTest {

    private String issue(Http who, int uses, int hours, List<String> groups) {
        Http.Response issued =
                who.post("/api/v1/admin/join-tokens", Map.of("uses", uses, "expiresInHours", hours, "groups", groups));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued.json().get("token").asString();
    }

    private static String id(String token) {
        return "jt_" + Digests.sha256(token).substring(0, 16);
    }

    private Http.Response join(String token, String name) {
        return http.post(
                "/api/v1/devices", Map.of("joinToken", token, "name", name, "os", "Windows", "osVersion", "22H2"));
    }

    /** The listed token {@code id}, or null when it is not listed. */
    private JsonNode listed(String id) {
        Http.Response list = admin.get("/api/v1/admin/join-tokens");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        for (JsonNode token : list.json().get("joinTokens")) {
            if (token.get("id").asString().equals(id)) {
                return token;
            }
        }
        return null;
    }

    private String state(String token) {
        return listed(id(token)).get("state").asString();
    }

    @Test
    void aTokenIsListedWithItsDetailsButNeverItself() {
        Instant before = clock.instant();
        String token = issue(http.basic("admin", "admin-demo-2026"), 3, 24, List.of("lab", "kiosk"));
        Http.Response list = admin.get("/api/v1/admin/join-tokens");
        assertThat(list.body()).doesNotContain(token).doesNotContain(Digests.sha256(token));
        JsonNode listed = listed(id(token));
        assertThat(listed.get("id").asString()).matches("jt_[0-9a-f]{16}");
        assertThat(listed.get("state").asString()).isEqualTo("active");
        assertThat(listed.get("usesLeft").asInt()).isEqualTo(3);
        assertThat(listed.get("groups")).extracting(JsonNode::asString).containsExactly("kiosk", "lab");
        assertThat(listed.get("createdBy").asString()).isEqualTo("admin");
        assertThat(Instant.parse(listed.get("createdAt").asString()))
                .isEqualTo(before.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(Instant.parse(listed.get("expiresAt").asString()))
                .isEqualTo(Instant.parse(listed.get("createdAt").asString()).plus(Duration.ofHours(24)));
        assertThat(list.json().get("total").asInt()).isEqualTo(1);

        assertThat(join(token, "PC-100").status()).isEqualTo(201);
        assertThat(listed(id(token)).get("usesLeft").asInt()).isEqualTo(2);
        JsonNode created = admin.get("/api/v1/admin/audit?activity=Create%20device%20join%20token&limit=1")
                .json()
                .get("events")
                .get(0);
        assertThat(created.get("target").asString())
                .as("the audit names the token by its id")
                .isEqualTo(id(token));
    }

    @Test
    void theStateIsRevokedThenExpiredThenUsedUpThenActive() {
        String spent = issue(admin, 1, 1, List.of());
        String active = issue(admin, 1, 2, List.of());
        String revoked = issue(admin, 2, 1, List.of());
        assertThat(join(spent, "PC-110").status()).isEqualTo(201);
        assertThat(admin.send("DELETE", "/api/v1/admin/join-tokens/" + id(revoked), null)
                        .status())
                .isEqualTo(204);
        assertThat(state(spent)).isEqualTo("used-up");
        assertThat(state(active)).isEqualTo("active");
        assertThat(state(revoked)).isEqualTo("revoked");
        assertThat(listed(id(revoked)).get("usesLeft").asInt()).isZero();

        clock.advance(Duration.ofMinutes(61));
        assertThat(state(spent)).as("spent and expired").isEqualTo("expired");
        assertThat(state(active)).isEqualTo("active");
        assertThat(state(revoked)).as("revoked and expired").isEqualTo("revoked");
    }

    @Test
    void aRevokedTokenJoinsNoDeviceAndTheRevocationIsAudited() {
        String token = issue(admin, 5, 24, List.of());
        assertThat(join(token, "PC-120").status()).isEqualTo(201);
        Http.Response revoked = http.basic("admin", "admin-demo-2026")
                .header("X-Forwarded-For", "192.0.2.44")
                .send("DELETE", "/api/v1/admin/join-tokens/" + id(token), null);
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(204);
        Http.Response refused = join(token, "PC-121");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).endsWith("/join-token-invalid");

        JsonNode events = admin.get("/api/v1/admin/audit?activity=Revoke%20device%20join%20token&target=" + id(token))
                .json()
                .get("events");
        assertThat(events).hasSize(1);
        JsonNode event = events.get(0);
        assertThat(event.get("result").asString()).isEqualTo("Success");
        assertThat(event.get("actor").asString()).isEqualTo("admin");
        assertThat(event.get("ip").asString()).isEqualTo("192.0.2.44");
        assertThat(event.get("clientType").asString()).isEqualTo("Browser");
        assertThat(event.get("details").asString()).isEqualTo("4 uses were left");

        assertThat(admin.send("DELETE", "/api/v1/admin/join-tokens/" + id(token), null)
                        .status())
                .as("revoking again changes nothing")
                .isEqualTo(204);
        assertThat(admin.get("/api/v1/admin/audit?activity=Revoke%20device%20join%20token&target=" + id(token))
                        .json()
                        .get("events"))
                .as("and is not audited again")
                .hasSize(1);
    }

    @Test
    void anUnknownTokenIsNotFound() {
        issue(admin, 1, 1, List.of());
        for (String id : List.of(
                "jt_0123456789abcdef", "jt_012345678_abcdef", "jt_0123", "join_whatever", "jt_0123456789ABCDEF")) {
            Http.Response missing = admin.send("DELETE", "/api/v1/admin/join-tokens/" + id, null);
            assertThat(missing.status()).as(id + ": " + missing).isEqualTo(404);
            assertThat(missing.json().get("type").asString())
                    .isEqualTo("https://opensspr.org/problems/join-token-not-found");
        }
        Http.Response dutch = admin.header("Accept-Language", "nl")
                .send("DELETE", "/api/v1/admin/join-tokens/jt_0123456789abcdef", null);
        assertThat(dutch.json().get("detail").asString()).isEqualTo("Er is geen koppeltoken 'jt_0123456789abcdef'.");
    }

    @Test
    void tokensStayListedUntilAWeekAfterTheyExpireThenThePurgeForgetsThem() {
        String used = issue(admin, 1, 1, List.of());
        assertThat(join(used, "PC-130").status()).isEqualTo(201);
        issue(admin, 1, 1, List.of()); // a purge runs with every new token
        assertThat(listed(id(used))).as("used up, still listed").isNotNull();

        clock.advance(Duration.ofHours(1).plusDays(7).minusMinutes(1));
        issue(admin, 1, 1, List.of());
        assertThat(listed(id(used)))
                .as("a week after it expired, less a minute")
                .isNotNull();

        clock.advance(Duration.ofMinutes(2));
        assertThat(listed(id(used))).as("no longer listed, even before a purge").isNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM join_token WHERE token_hash = :h")
                        .param("h", Digests.sha256(used))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        issue(admin, 1, 1, List.of());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM join_token WHERE token_hash = :h")
                        .param("h", Digests.sha256(used))
                        .query(Integer.class)
                        .single())
                .as("purged")
                .isZero();
    }

    @Test
    void theListIsPagedNewestFirst() {
        String first = issue(admin, 1, 1, List.of());
        clock.advance(Duration.ofSeconds(1));
        String second = issue(admin, 1, 1, List.of());
        clock.advance(Duration.ofSeconds(1));
        String third = issue(admin, 1, 1, List.of());

        JsonNode page = admin.get("/api/v1/admin/join-tokens?limit=2").json();
        assertThat(page.get("joinTokens"))
                .extracting(t -> t.get("id").asString())
                .containsExactly(id(third), id(second));
        assertThat(page.get("total").asInt()).isEqualTo(3);
        JsonNode rest = admin.get("/api/v1/admin/join-tokens?offset=2&limit=2").json();
        assertThat(rest.get("joinTokens"))
                .extracting(t -> t.get("id").asString())
                .containsExactly(id(first));
        assertThat(admin.get("/api/v1/admin/join-tokens?offset=3").json().get("joinTokens"))
                .isEmpty();

        for (String query : List.of("limit=0", "limit=1001", "offset=-1")) {
            Http.Response refused = admin.get("/api/v1/admin/join-tokens?" + query);
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.json().get("type").asString()).endsWith("/invalid-request");
        }
        assertThat(admin.get("/api/v1/admin/join-tokens?limit=0")
                        .json()
                        .get("detail")
                        .asString())
                .isEqualTo("The limit must be a whole number from 1 to 1000.");
    }

    @Test
    void listingAndRevokingNeedAnAdmin() {
        String token = issue(admin, 1, 1, List.of());
        String path = "/api/v1/admin/join-tokens/" + id(token);
        Http carol = http.basic("carol", "carol-demo-2026");
        assertThat(http.get("/api/v1/admin/join-tokens").status()).isEqualTo(401);
        assertThat(carol.get("/api/v1/admin/join-tokens").status()).isEqualTo(403);
        assertThat(http.send("DELETE", path, null).status()).isEqualTo(401);
        assertThat(carol.send("DELETE", path, null).status()).isEqualTo(403);
        assertThat(state(token)).isEqualTo("active");
    }
}
