package org.opensspr.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.Http;
import org.opensspr.ServerIntegrationTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * Every password check (HTTP Basic, the admin API, the portal's sign-in form, the current password of
 * a password change) passes one throttle before the directory is asked: with the defaults, 2 free
 * failures per login, then 5 minutes, doubling, at most 1 hour; 100 free failures per source
 * address. The tests count the password checks that reached the directory.
 */
@ExtendWith(OutputCaptureExtension.class)
class SignInThrottleIntegrationTests extends ServerIntegrationTest {

    private static final Duration FIRST_WAIT = Duration.ofMinutes(5);

    private Instant started;

    @BeforeEach
    void startTime() {
        started = clock.instant();
    }

    private int me(String login, String password) {
        return http.basic(login, password).get("/api/v1/me/methods").status();
    }

    @Test
    void wrongBasicPasswordsThenTheRightOneIsRefusedWith429AndTheDirectoryNeverSeesTheThrottledOnes() {
        assertThat(List.of(me("carol", "wrong-1"), me("carol", "wrong-2"))).containsOnly(401);
        assertThat(directoryLink.authentications()).isEqualTo(2);

        for (int i = 0; i < 20; i++) {
            Http.Response refused = http.basic("carol", "wrong-" + i).get("/api/v1/me/methods");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        }
        Http.Response right = http.basic("carol", "carol-demo-2026").get("/api/v1/me/methods");
        assertThat(right.status()).as("the right password waits too").isEqualTo(429);
        assertThat(right.header("Retry-After")).isEqualTo("300");
        assertThat(right.contentType()).startsWith("application/problem+json");
        assertThat(right.json().get("type").asString()).endsWith("/sign-in-throttled");
        assertThat(right.json().get("detail").asString()).contains("wait 5 minutes");
        assertThat(directoryLink.authentications())
                .as("no throttled attempt reached the directory")
                .isEqualTo(2);

        clock.advance(FIRST_WAIT);
        assertThat(me("carol", "wrong-3")).as("one more guess after the wait").isEqualTo(401);
        Http.Response doubled = http.basic("carol", "carol-demo-2026").get("/api/v1/me/methods");
        assertThat(doubled.status()).isEqualTo(429);
        assertThat(doubled.header("Retry-After")).as("the wait doubles").isEqualTo("600");

        clock.advance(FIRST_WAIT.multipliedBy(2));
        assertThat(me("carol", "carol-demo-2026")).isEqualTo(200);
        assertThat(List.of(me("carol", "wrong-4"), me("carol", "wrong-5")))
                .as("a success forgets the login's failures")
                .containsOnly(401);
        assertThat(me("carol", "wrong-6")).isEqualTo(429);
    }

    @Test
    void theAdminApiIsThrottledTheSameWay() {
        assertThat(http.basic("admin", "admin-demo-2026")
                        .get("/api/v1/admin/policy")
                        .status())
                .isEqualTo(200);
        for (int i = 0; i < 2; i++) {
            assertThat(http.basic("admin", "guess-" + i)
                            .get("/api/v1/admin/policy")
                            .status())
                    .isEqualTo(401);
        }
        for (int i = 0; i < 10; i++) {
            assertThat(http.basic("admin", "guess-x" + i)
                            .get("/api/v1/admin/policy")
                            .status())
                    .isEqualTo(429);
        }
        Http.Response right = http.basic("admin", "admin-demo-2026").get("/api/v1/admin/policy");
        assertThat(right.status()).isEqualTo(429);
        assertThat(right.header("Retry-After")).isEqualTo("300");
        assertThat(directoryLink.authentications()).isEqualTo(3);
    }

    @Test
    void failuresFromOneSourceAcrossManyLoginsAreThrottledTogether() {
        for (int i = 0; i < 100; i++) {
            assertThat(me("sprayed-" + i, "Summer2026!")).isEqualTo(401);
        }
        Http.Response fresh = http.basic("carol", "carol-demo-2026").get("/api/v1/me/methods");
        assertThat(fresh.status())
                .as("a login without failures of its own waits behind its address")
                .isEqualTo(429);
        assertThat(fresh.header("Retry-After")).isEqualTo("300");
        assertThat(directoryLink.authentications()).isEqualTo(100);

        clock.advance(FIRST_WAIT);
        assertThat(me("carol", "carol-demo-2026")).isEqualTo(200);
    }

    @Test
    void failedAndThrottledSignInsAreAuditedAndLoggedAlikeForKnownAndUnknownLogins(CapturedOutput output) {
        for (String login : List.of("bob", "nobody-like-this")) {
            for (int i = 0; i < 3; i++) {
                me(login, "Secret-guess-" + i);
            }
        }
        Map<String, List<String>> byLogin = new LinkedHashMap<>();
        for (String login : List.of("bob", "nobody-like-this")) {
            JsonNode events = admin.get("/api/v1/admin/audit?target=" + login + "&activity=Sign%20in%20with%20password"
                            + "&from=" + started)
                    .json()
                    .get("events");
            List<String> shapes = new ArrayList<>();
            for (JsonNode event : events) {
                assertThat(event.get("ip").asString()).isEqualTo("127.0.0.1");
                assertThat(event.get("clientType").asString()).isEqualTo("Browser");
                assertThat(event.get("actor").asString()).isEqualTo("anonymous");
                shapes.add(event.get("result").asString() + ": "
                        + event.get("details").asString());
            }
            byLogin.put(login, shapes);
        }
        assertThat(byLogin.get("bob"))
                .containsExactly(
                        "Blocked: Too many failed sign-ins, next attempt in 300 s (50053)",
                        "Failure: Invalid username or password (50126)",
                        "Failure: Invalid username or password (50126)");
        assertThat(byLogin.get("nobody-like-this")).isEqualTo(byLogin.get("bob"));

        assertThat(output.getAll())
                .contains("Sign in with password: wrong password for login 'bob' from 127.0.0.1 (Browser)")
                .contains("Sign in with password: throttled for login 'nobody-like-this' from 127.0.0.1 (Browser)")
                .doesNotContain("Secret-guess-");
    }

    @Test
    void thePortalSignInFormShowsTheWaitInTheUsersLanguageWith429() {
        Browser browser = new Browser();
        assertThat(browser.signIn("carol", "wrong-1").statusCode()).isEqualTo(302);
        assertThat(browser.signIn("carol", "wrong-2").header()).endsWith("/login?error");

        HttpResponse<String> refused =
                browser.signIn("carol", "carol-demo-2026").response();
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).contains("300");
        assertThat(refused.body()).contains("Too many failed sign-ins").contains("wait 5 minutes");
        assertThat(directoryLink.authentications()).isEqualTo(2);

        Browser dutch = new Browser().language("nl");
        HttpResponse<String> nl = dutch.signIn("CAROL", "carol-demo-2026").response();
        assertThat(nl.statusCode())
                .as("the login is counted as typed, case ignored")
                .isEqualTo(429);
        assertThat(nl.body()).contains("Te veel mislukte aanmeldpogingen").contains("5 minuten");

        clock.advance(FIRST_WAIT);
        assertThat(browser.signIn("carol", "carol-demo-2026").header()).endsWith("/register");
    }

    @Test
    void wrongCurrentPasswordsOnTheChangePageCountAsFailedSignIns() {
        Browser browser = new Browser();
        assertThat(browser.signIn("carol", "carol-demo-2026").header()).endsWith("/register");
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> wrong = browser.post(
                    "/change",
                    "/change",
                    Map.of(
                            "currentPassword", "not-it-" + i,
                            "newPassword", "Kites-over-the-dunes-7",
                            "confirmPassword", "Kites-over-the-dunes-7"));
            assertThat(wrong.statusCode()).isEqualTo(200);
            assertThat(wrong.body()).contains("The current password is not right");
        }
        HttpResponse<String> refused = browser.post(
                "/change",
                "/change",
                Map.of(
                        "currentPassword", "carol-demo-2026",
                        "newPassword", "Kites-over-the-dunes-7",
                        "confirmPassword", "Kites-over-the-dunes-7"));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).contains("300");
        assertThat(refused.body()).contains("Too many failed sign-ins");
        assertThat(directoryLink.authentications())
                .as("the sign-in and two wrong current passwords; the throttled one never reached the directory")
                .isEqualTo(3);
        assertThat(admin.get("/api/v1/admin/audit?target=carol&activity=Change%20password%20(self-service)&from="
                                + started)
                        .json()
                        .get("events")
                        .get(0)
                        .get("result")
                        .asString())
                .isEqualTo("Blocked");
    }

    /** The portal as a browser uses it: cookies, CSRF tokens from the forms, redirects not followed. */
    private final class Browser {

        private final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        private String language = "en";

        Browser language(String tag) {
            this.language = tag;
            return this;
        }

        Answer signIn(String login, String password) {
            return new Answer(post("/login", "/login", Map.of("username", login, "password", password)));
        }

        /** Gets {@code page} for its CSRF token, then posts {@code form} to {@code action}. */
        HttpResponse<String> post(String page, String action, Map<String, String> form) {
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                    .matcher(send(HttpRequest.newBuilder(uri(page)).GET()).body());
            assertThat(token.find()).as("a CSRF token on " + page).isTrue();
            Map<String, String> fields = new LinkedHashMap<>(form);
            fields.put("_csrf", token.group(1));
            String body = fields.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(uri(action))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return client.send(
                        request.header("Accept-Language", language).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private record Answer(HttpResponse<String> response) {
        int statusCode() {
            return response.statusCode();
        }

        /** Where a redirect goes. */
        String header() {
            return response.headers().firstValue("Location").orElse("");
        }
    }
}
