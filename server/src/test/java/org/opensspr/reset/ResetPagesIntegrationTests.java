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
