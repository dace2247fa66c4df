package org.opensspr.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensspr.Http;
import org.opensspr.LoopbackClient;
import org.opensspr.ServerIntegrationTest;

/**
 * Forwarded headers against the whole application, which trusts the proxies at 127.0.0.1 and
 * 127.0.2.0/24 (ServerIntegrationTest). The audit shows whom the server took for the client.
 */
class TrustedProxyIntegrationTests extends ServerIntegrationTest {

    private String auditedIp(String login) {
        return admin.get("/api/v1/admin/audit?target=" + login + "&limit=1")
                .json()
                .get("events")
                .get(0)
                .get("ip")
                .asString();
    }

    private static String someLogin() {
        return "proxied-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aTrustedProxysForwardedForIsTheClientInTheAudit() {
        String login = someLogin();
        Http viaProxy = http.header("X-Forwarded-For", "198.51.100.7");
        Http.Response started =
                viaProxy.post("/api/v1/reset/flows", Map.of("login", login, "captcha", solvedCaptcha(viaProxy)));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        assertThat(auditedIp(login)).isEqualTo("198.51.100.7");
    }

    @Test
    void hopsLeftOfTheClientAreIgnoredAndProxiesInACidrRangeAreSkipped() {
        String login = someLogin();
        Http viaProxies = http.header("X-Forwarded-For", "203.0.113.66, 198.51.100.8, 127.0.2.9");
        Http.Response started =
                viaProxies.post("/api/v1/reset/flows", Map.of("login", login, "captcha", solvedCaptcha(viaProxies)));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        assertThat(auditedIp(login))
                .as("127.0.2.9 is a trusted proxy by 127.0.2.0/24; 203.0.113.66 is what the client wrote")
                .isEqualTo("198.51.100.8");
    }

    @Test
    void aClientThatIsNoTrustedProxyNeitherForgesItsAuditIpNorEscapesThePerIpLimit() {
        LoopbackClient forger = new LoopbackClient("127.0.0.9", port).header("X-Forwarded-For", "203.0.113.77");
        String login = someLogin();
        Http.Response started =
                forger.post("/api/v1/reset/flows", Map.of("login", login, "captcha", solvedCaptcha(http)));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        assertThat(auditedIp(login)).isEqualTo("127.0.0.9");

        // The address's flow-start budget (100000 in these tests) is spent: a forged header does not buy a new one.
        jdbc.sql(
                        "INSERT INTO throttle_event (subject, occurred_at) SELECT 'start-ip:127.0.0.9', :at FROM SYSTEM_RANGE(1, 100000)")
                .param("at", clock.millis())
                .update();
        Http.Response refused =
                forger.post("/api/v1/reset/flows", Map.of("login", someLogin(), "captcha", solvedCaptcha(http)));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.body()).contains("too-many-requests");
    }

    @Test
    void httpsFromATrustedProxysForwardedProtoMakesTheSessionCookieSecure() {
        String answer = new LoopbackClient("127.0.0.1", port)
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-For", "198.51.100.9")
                .getRaw("/login");
        assertThat(answer).startsWith("HTTP/1.1 200");
        assertThat(answer.lines().filter(line -> line.regionMatches(true, 0, "Set-Cookie:", 0, 11)))
                .isNotEmpty()
                .allMatch(cookie -> cookie.contains("; Secure"));
    }
}
