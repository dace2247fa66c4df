package org.opensspr.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensspr.Http;
import org.opensspr.PortalSession;
import org.opensspr.ServerIntegrationTest;
import org.opensspr.notify.Message.Kind;

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

    @Test
    void twoRequiredMethodsMakeSixNumberedStepsNeverARepeat() {
        policy(Map.of("methodsRequired", 2, "methods", List.of("email", "sms")));
        PortalSession browser = new PortalSession("http://127.0.0.1:" + port);
        assertThat(browser.get("/reset").body()).contains("Step 1 of 6");
        assertThat(step(browser, "/reset/start", Map.of("login", "carol", "captcha", solvedCaptcha(http))))
                .contains("Step 2 of 6");
        assertThat(step(browser, "/reset/method", Map.of("methodId", "email"))).contains("Step 3 of 6");
        step(browser, "/reset/contact", Map.of("contact", "carol@example.org"));
        String mailed = mailbox.awaitMailCode("carol@example.org", Kind.RESET_CODE);
        assertThat(step(browser, "/reset/verify", Map.of("code", mailed))).contains("Step 4 of 6");
        assertThat(step(browser, "/reset/method", Map.of("methodId", "sms"))).contains("Step 5 of 6");
        step(browser, "/reset/contact", Map.of("contact", "+31612345003"));
        String texted = mailbox.awaitSmsCode("+31612345003", Kind.RESET_CODE);
        assertThat(step(browser, "/reset/verify", Map.of("code", texted)))
                .contains("Step 6 of 6")
                .contains("name=\"newPassword\"");
    }

    @Test
    void aNewCodeComesWithoutRetypingTheAddressAndOnlyTheNewestWorks() {
        PortalSession browser = atTheCodeStep("carol", "carol@example.org");
        String first = mailbox.awaitMailCode("carol@example.org", Kind.RESET_CODE);

        HttpResponse<String> resend = browser.post("/reset/resend", Map.of());
        assertThat(PortalSession.location(resend)).isEqualTo("/reset?resent");
        assertThat(browser.get("/reset?resent&lang=nl").body()).contains("We hebben een nieuwe code gestuurd");
        String second = mailbox.awaitMailCode("carol@example.org", Kind.RESET_CODE);
        assertThat(second).isNotEqualTo(first);

        assertThat(browser.post("/reset/verify", Map.of("code", second))
                        .headers()
                        .firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/reset"));
        assertThat(browser.get("/reset").body()).contains("name=\"newPassword\"");
    }

    @Test
    void theCodePageOffersAnotherMethodWhenTheFlowHasOne() {
        policy(Map.of("methods", List.of("email", "sms")));
        PortalSession browser = atTheCodeStep("carol", "carol@example.org");
        assertThat(browser.get("/reset").body()).contains("Use another verification method");

        HttpResponse<String> back = browser.post("/reset/choose", Map.of());
        assertThat(PortalSession.location(back)).isEqualTo("/reset");
        assertThat(browser.get("/reset").body()).contains("name=\"methodId\"").contains("Step 2 of 4");
    }

    @Test
    void thePasswordRulesTextSaysWhatThePolicyAsks() {
        Http.Response put = admin.put("/api/v1/admin/password-policy", Map.of("minLength", 12));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        PortalSession browser = atTheCodeStep("carol", "carol@example.org");
        String code = mailbox.awaitMailCode("carol@example.org", Kind.RESET_CODE);

        assertThat(step(browser, "/reset/verify", Map.of("code", code)))
                .contains("At least 12 characters")
                .doesNotContain("At least 8 characters");
        assertThat(browser.get("/reset?lang=nl").body()).contains("Minstens 12 tekens");
    }

    /** Posts a step and follows its redirect back to /reset: the next step's page. */
    private String step(PortalSession browser, String path, Map<String, String> fields) {
        HttpResponse<String> answer = browser.post(path, fields);
        assertThat(PortalSession.location(answer))
                .as(path + ": " + answer.body())
                .isEqualTo("/reset");
        return browser.get("/reset").body();
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
