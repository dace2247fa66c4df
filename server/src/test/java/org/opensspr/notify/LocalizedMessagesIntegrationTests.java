package org.opensspr.notify;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensspr.Http;
import org.opensspr.Mailbox;
import org.opensspr.PortalSession;
import org.opensspr.ServerIntegrationTest;
import org.opensspr.notify.Message.Kind;
import tools.jackson.databind.JsonNode;

/**
 * Mails and SMS in the recipient's language (the directory's {@code preferredLanguage}, else the
 * request's), with a plain-text and an HTML part; problem details in the caller's language, on the
 * API and on the portal's pages. dirk's entry in the demo directory says {@code preferredLanguage: nl};
 * alice's says nothing.
 */
class LocalizedMessagesIntegrationTests extends ServerIntegrationTest {

    private static final String DIRK = "dirk@example.org";
    private static final String ALICE = "alice@example.org";
    private static final String ALICE_MOBILE = "+31612345001";

    @Test
    void aUserWhoseDirectorySaysDutchGetsDutchMailWithBothPartsWhateverTheRequestSpeaks() throws Exception {
        Http english = http.header("Accept-Language", "en-GB, en;q=0.9");
        String flow = flow(english, "dirk");
        assertThat(english.post(flow + "/challenges", Map.of("methodId", "email", "contact", DIRK))
                        .status())
                .isEqualTo(202);

        MimeMessage mail = mailbox.awaitMail(DIRK, Kind.RESET_CODE);
        assertThat(mail.getSubject()).isEqualTo("Uw code om uw wachtwoord te herstellen");
        assertThat(mail.isMimeType("multipart/alternative")).isTrue();
        assertThat(Mailbox.text(mail)).startsWith("Uw verificatiecode is ").contains("De code verloopt over 5 minuten");
        assertThat(Mailbox.html(mail))
                .contains("<html lang=\"nl\">")
                .contains("Uw verificatiecode is <strong")
                .contains(Mailbox.code(mail) + "</strong>");

        assertThat(english.post(flow + "/verifications", Map.of("methodId", "email", "code", Mailbox.code(mail)))
                        .status())
                .isEqualTo(200);
        assertThat(english.post(flow + "/password", Map.of("newPassword", "Sailing-Over-Quiet-Lakes-42"))
                        .status())
                .isEqualTo(200);
        MimeMessage notice = mailbox.awaitMail(DIRK, Kind.RESET_NOTICE);
        assertThat(notice.getSubject()).isEqualTo("Uw wachtwoord is opnieuw ingesteld");
        assertThat(Mailbox.text(notice)).contains("Het wachtwoord van uw account dirk is zojuist opnieuw ingesteld");
        assertThat(Mailbox.html(notice)).contains("<html lang=\"nl\">");
    }

    @Test
    void withoutAPreferenceTheMailAndTheSmsSpeakTheLanguageOfTheRequest() throws Exception {
        policy(Map.of("methods", java.util.List.of("email", "sms")));
        Http dutch = http.header("Accept-Language", "nl-NL, nl;q=0.9, en;q=0.5");
        String flow = flow(dutch, "alice");
        dutch.post(flow + "/challenges", Map.of("methodId", "sms", "contact", ALICE_MOBILE));
        assertThat(mailbox.awaitSms(ALICE_MOBILE, Kind.RESET_CODE))
                .startsWith("Uw verificatiecode is ")
                .contains("De code verloopt over 5 minuten.");
        dutch.post(flow + "/challenges", Map.of("methodId", "email", "contact", ALICE));
        MimeMessage mail = mailbox.awaitMail(ALICE, Kind.RESET_CODE);
        assertThat(mail.getSubject()).isEqualTo("Uw code om uw wachtwoord te herstellen");

        Http english = http.header("Accept-Language", "en");
        String other = flow(english, "alice");
        english.post(other + "/challenges", Map.of("methodId", "sms", "contact", ALICE_MOBILE));
        assertThat(mailbox.awaitSms(ALICE_MOBILE, Kind.RESET_CODE))
                .startsWith("Your verification code is ")
                .contains("It expires in 5 minutes.");
    }

    @Test
    void anApiClientAskingForDutchGetsADutchTitleAndDetailOfTheSameType() {
        Http dutch = http.header("Accept-Language", "nl");
        String flow = flow(dutch, "alice");
        dutch.post(flow + "/challenges", Map.of("methodId", "email", "contact", ALICE));
        String code = mailbox.awaitMailCode(ALICE, Kind.RESET_CODE);
        String wrong = code.equals("00000000") ? "11111111" : "00000000";

        JsonNode nl = dutch.post(flow + "/verifications", Map.of("methodId", "email", "code", wrong))
                .json();
        assertThat(nl.get("type").asString()).isEqualTo("https://opensspr.org/problems/code-invalid");
        assertThat(nl.get("title").asString()).isEqualTo("Code niet geaccepteerd");
        assertThat(nl.get("detail").asString())
                .isEqualTo("De code is onjuist of verlopen. Controleer de code of vraag een nieuwe aan.");

        JsonNode en = http.post(flow + "/verifications", Map.of("methodId", "email", "code", wrong))
                .json();
        assertThat(en.get("type").asString()).isEqualTo("https://opensspr.org/problems/code-invalid");
        assertThat(en.get("detail").asString())
                .isEqualTo("The code is wrong or has expired. Check it, or ask for a new code.");

        Http.Response badToken =
                http.bearer("no-such-token").header("Accept-Language", "nl").get("/api/v1/me/methods");
        assertThat(badToken.status()).isEqualTo(401);
        assertThat(badToken.json().get("detail").asString())
                .as("a problem a security filter writes")
                .isEqualTo("Het token is ongeldig.");

        Http.Response typo = dutch.post("/api/v1/reset/flows", Map.of("logon", "alice"));
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.json().get("detail").asString()).startsWith("Onbekend veld 'logon'.");
        Http.Response blank = dutch.post(flow + "/challenges", Map.of("methodId", ""));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("detail").asString())
                .as("Spring's own answer to a failed bean validation")
                .isEqualTo("De inhoud van het verzoek is ongeldig.");
    }

    @Test
    void aDutchPortalPageShowsTheServersErrorsInDutch() throws Exception {
        PortalSession browser = new PortalSession("http://127.0.0.1:" + port);
        browser.get("/reset?lang=nl");
        browser.post("/reset/start", Map.of("login", "alice", "captcha", solvedCaptcha(http)));
        browser.get("/reset");
        browser.post("/reset/method", Map.of("methodId", "email"));
        browser.get("/reset");
        browser.post("/reset/contact", Map.of("contact", ALICE));
        browser.get("/reset");
        MimeMessage mail = mailbox.awaitMail(ALICE, Kind.RESET_CODE);
        assertThat(mail.getSubject()).as("the browser's language").isEqualTo("Uw code om uw wachtwoord te herstellen");
        String code = Mailbox.code(mail);

        HttpResponse<String> wrong =
                browser.post("/reset/verify", Map.of("code", code.equals("00000000") ? "11111111" : "00000000"));
        assertThat(wrong.body())
                .contains("De code is onjuist of verlopen. Controleer de code of vraag een nieuwe aan.")
                .doesNotContain("The code is wrong");

        browser.get("/reset");
        browser.post("/reset/verify", Map.of("code", code));
        browser.get("/reset");
        HttpResponse<String> refused =
                browser.post("/reset/password", Map.of("newPassword", "kort", "confirmPassword", "kort"));
        assertThat(refused.body())
                .contains("Het nieuwe wachtwoord voldoet niet aan het wachtwoordbeleid: Gebruik minstens")
                .doesNotContain("does not meet");
    }

    private static String flow(Http client, String login) {
        Http.Response started = client.post(
                "/api/v1/reset/flows", Map.of("login", login, "captcha", ServerIntegrationTest.solvedCaptcha(client)));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        return "/api/v1/reset/flows/" + started.json().get("flowId").asString();
    }
}
