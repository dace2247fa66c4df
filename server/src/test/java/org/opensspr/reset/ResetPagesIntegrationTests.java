package org.opensspr.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensspr.PortalSession;
import org.opensspr.ServerIntegrationTest;

/** The reset pages as a browser without JavaScript meets them: forms, redirects and the session. */
class ResetPagesIntegrationTests extends ServerIntegrationTest {

    @Test
    void switchingLanguageOnAnErrorKeepsTheResetAtItsStep() {
        PortalSession browser = atTheCodeStep("carol", "carol@example.org");

        HttpResponse<String> wrong = browser.post("/reset/verify", Map.of("code", "00000000"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body())
                .as("the error page's language links lead to the reset page, not to the post's own path")
                .contains("href=\"/reset?lang=nl\"")
                .doesNotContain("href=\"?lang=nl\"");

        HttpResponse<String> dutch = browser.get("/reset?lang=nl");
        assertThat(dutch.statusCode()).isEqualTo(200);
        assertThat(dutch.body()).contains("Voer de code in").contains("name=\"code\"");
        HttpResponse<String> english = browser.get("/reset?lang=en");
        assertThat(english.body()).contains("Enter the code").contains("name=\"code\"");
    }

    @Test
    void aStepPostedAfterTheSessionExpiredStartsTheResetAgainAndSaysSo() {
        PortalSession browser = atTheCodeStep("carol", "carol@example.org");
        jdbc.sql("DELETE FROM spring_session").update();

        HttpResponse<String> late = browser.post("/reset/verify", Map.of("code", "12345678"));
        assertThat(late.statusCode()).as(late.body()).isEqualTo(302);
        assertThat(PortalSession.location(late)).isEqualTo("/reset?expired");
        assertThat(browser.get("/reset?expired&lang=nl").body())
                .contains("Uw sessie is verlopen")
                .contains("name=\"login\"");
    }

    @Test
    void aPageThatDoesNotExistIsAStyledPageInTheUsersLanguage() {
        PortalSession browser = new PortalSession("http://127.0.0.1:" + port);
        browser.get("/reset?lang=nl");
        HttpResponse<String> missing = browser.get("/reset/my-password-please");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body())
                .contains("<html lang=\"nl\"")
                .contains("Pagina niet gevonden")
                .contains("href=\"/reset\"")
                .doesNotContain("Whitelabel");
    }

    @Test
    void aGarbledLanguageCookieFallsBackToTheBrowsersLanguage() {
        // Java's cookie jar sends this one quoted ("nl"), which is no language tag.
        PortalSession browser = new PortalSession("http://127.0.0.1:" + port).withCookie("sspr-lang", "nl");
        HttpResponse<String> page = browser.get("/reset");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"en\"");
    }

    private PortalSession atTheCodeStep(String login, String address) {
        PortalSession browser = new PortalSession("http://127.0.0.1:" + port);
        browser.get("/reset");
        assertThat(PortalSession.location(
                        browser.post("/reset/start", Map.of("login", login, "captcha", solvedCaptcha(http)))))
                .isEqualTo("/reset");
        browser.get("/reset");
        browser.post("/reset/method", Map.of("methodId", "email"));
        browser.get("/reset");
        browser.post("/reset/contact", Map.of("contact", address));
        assertThat(browser.get("/reset").body()).contains("name=\"code\"");
        return browser;
    }
}
