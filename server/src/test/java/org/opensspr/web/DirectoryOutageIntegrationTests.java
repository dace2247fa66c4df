package org.opensspr.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opensspr.Http;
import org.opensspr.ServerIntegrationTest;

/** Signing in while the directory is down is a 503 with Retry-After, on the API and in the portal, never a 500. */
class DirectoryOutageIntegrationTests extends ServerIntegrationTest {

    @AfterEach
    void directoryBack() {
        directoryLink.heal();
    }

    @Test
    void aBasicSignInWhileTheDirectoryIsDownIsA503DirectoryUnavailableProblem() {
        Http alice = http.basic("admin", "admin-demo-2026");
        assertThat(alice.get("/api/v1/admin/policy").status()).isEqualTo(200);

        directoryLink.down(true);
        Http.Response refused = alice.get("/api/v1/admin/policy");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
        assertThat(refused.json().get("type").asString()).endsWith("/directory-unavailable");
        assertThat(refused.body()).doesNotContain("Exception");
    }

    @Test
    void aPortalSignInWhileTheDirectoryIsDownIs503WithRetryAfter() throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String base = "http://127.0.0.1:" + port;
        String page = browser.send(
                        HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as("the login form's CSRF token").isTrue();

        directoryLink.down(true);
        String form = "username=alice&password=" + URLEncoder.encode("alice-demo-2026", StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> refused = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "text/html")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
    }
}
