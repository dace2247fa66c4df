package org.opensspr;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL gone under a running node (every connection dropped, new ones refused) and back: the
 * node answers 503 with Retry-After, in the portal's language and the API's problem format, never a
 * 500 or a hang; readiness says DOWN so a balancer routes around it; and once the database is back
 * the node serves again by itself, with the browser's portal session where it was.
 */
class DatabaseOutageIntegrationTests {

    @TempDir
    Path dataDir;

    @Test
    void aDatabaseOutageIsA503AndThePortalResetGoesOnWhenTheDatabaseIsBack() throws Exception {
        int httpPort = ServerJarIntegrationTests.freePort();
        int ldapPort = ServerJarIntegrationTests.freePort();
        try (ThrowawayPostgres postgres = new ThrowawayPostgres();
                RunningServer server = RunningServer.start(
                        dataDir,
                        httpPort,
                        ldapPort,
                        "--spring.datasource.url=" + postgres.url(),
                        "--spring.datasource.username=" + postgres.user())) {
            Http http = new Http("http://127.0.0.1:" + httpPort);
            PortalSession browser = new PortalSession("http://127.0.0.1:" + httpPort);
            browser.get("/reset?lang=nl");
            HttpResponse<String> started = browser.post(
                    "/reset/start", Map.of("login", "alice", "captcha", ServerIntegrationTest.solvedCaptcha(http)));
            assertThat(PortalSession.location(started)).as(started.body()).isEqualTo("/reset");
            browser.post("/reset/method", Map.of("methodId", "email"));
            assertThat(browser.get("/reset").body()).contains("name=\"contact\"");

            String captcha = ServerIntegrationTest.solvedCaptcha(http);
            postgres.refuseConnections();
            try {
                awaitReadiness(http, 503);
                HttpResponse<String> page = browser.get("/reset");
                assertThat(page.statusCode()).as(page.body()).isEqualTo(503);
                assertThat(page.headers().firstValue("Retry-After")).hasValue("1");
                assertThat(page.body()).contains("De dienst kan zijn database nu niet bereiken");
                Http.Response api = http.post("/api/v1/reset/flows", Map.of("login", "bob", "captcha", captcha));
                assertThat(api.status()).as(api.toString()).isEqualTo(503);
                assertThat(api.body()).contains("server-busy");
                Http.Response signedIn = http.basic("alice", "alice-demo-2026").get("/api/v1/me");
                assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(503);
                assertThat(signedIn.body()).contains("server-busy");
            } finally {
                postgres.allowConnections();
            }

            awaitReadiness(http, 200);
            assertThat(browser.get("/reset").body())
                    .as("the browser goes on at the step it was on")
                    .contains("name=\"contact\"");
            assertThat(server.log()).doesNotContain("Unexpected error occurred in scheduled task");
        }
    }

    private static void awaitReadiness(Http http, int status) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = http.get("/actuator/health/readiness").status();
            if (last == status) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("readiness answered " + last + ", not " + status + ", for 60 s");
    }
}
