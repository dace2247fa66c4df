package org.opensspr.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opensspr.PortalSession;
import org.opensspr.ServerIntegrationTest;
import org.opensspr.notify.Message.Kind;

/** The security-info pages as a signed-in user meets them, step by step. */
class RegisterPagesIntegrationTests extends ServerIntegrationTest {

    private static final Pattern SECRET = Pattern.compile("class=\"secret\">([A-Z2-7]+)<");

    @Test
    void aWrongCodeDuringAuthenticatorSetupKeepsTheSameQrCodeOnScreen() {
        PortalSession alice = confirmedAlice();
        assertThat(PortalSession.location(alice.post("/register/totp", Map.of())))
                .isEqualTo("/register/totp");
        String secret = secret(alice.get("/register/totp").body());

        String right = new Totp(clock).codeAt(Base32.decode(secret), new Totp(clock).currentStep());
        HttpResponse<String> wrong =
                alice.post("/register/totp/verify", Map.of("code", right.equals("000000") ? "111111" : "000000"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body())
                .as("the error, next to the field, and the same key and QR code")
                .contains("The code is wrong")
                .contains("id=\"totp-code-error\"")
                .contains("aria-invalid=\"true\"")
                .contains("<svg");
        assertThat(secret(wrong.body())).isEqualTo(secret);

        HttpResponse<String> saved = alice.post("/register/totp/verify", Map.of("code", right));
        assertThat(PortalSession.location(saved)).as(saved.body()).isEqualTo("/register?saved");
    }

    @Test
    void theOverviewListsEachMethodWithChangeAndDeleteWhatCanBeAddedAndTheProgress() {
        policy(Map.of("methods", List.of("email", "sms", "totp"), "methodsRequired", 2));
        registered("alice", "email", "alice@home.example", clock.instant());
        PortalSession alice = signedIn("alice");

        String page = alice.get("/register").body();
        assertThat(page)
                .as("her own address, masked, with when she confirmed it, to change or delete")
                .contains("a*****@h*****.example")
                .contains("Last confirmed ")
                .contains("aria-label=\"Change Email\"")
                .contains("href=\"/register/email\"")
                .contains("aria-label=\"Delete Email\"")
                .contains("href=\"/register/email/delete\"");
        assertThat(page)
                .as("the directory's mobile counts too: to change (register her own), not to delete")
                .contains("+*********01")
                .contains("Provided by your organisation")
                .contains("aria-label=\"Change Mobile phone\"")
                .doesNotContain("aria-label=\"Delete Mobile phone\"");
        assertThat(page)
                .contains("2 of 2 required methods set up.")
                .doesNotContain("You need")
                .contains("Add a method")
                .contains("Add Authenticator app")
                .doesNotContain("Add Email");

        policy(Map.of("methods", List.of("email", "sms", "totp"), "methodsRequired", 2, "useDirectoryContacts", false));
        assertThat(alice.get("/register?lang=nl").body())
                .contains("1 van 2 verplichte methoden ingesteld.")
                .contains("U hebt nog 1 methode nodig")
                .contains("Mobiele telefoon toevoegen")
                .contains("aria-label=\"E-mail verwijderen\"");
    }

    @Test
    void deletingAMethodAsksFirstAfterTheStepUpThenDeletesIt() {
        registered("alice", "email", "alice@home.example", clock.instant());
        PortalSession alice = signedIn("alice");

        assertThat(PortalSession.location(alice.get("/register/email/delete")))
                .as("confirm it is you first")
                .isEqualTo("/register/step-up");
        alice.get("/register/step-up");
        alice.post("/register/step-up/challenge", Map.of("methodId", "email"));
        String code = mailbox.awaitMailCode("alice@home.example", Kind.STEP_UP_CODE);
        assertThat(PortalSession.location(
                        alice.post("/register/step-up/verify", Map.of("methodId", "email", "code", code))))
                .as("back to the page that asked")
                .isEqualTo("/register/email/delete?confirmed");

        String ask = alice.get("/register/email/delete?confirmed").body();
        assertThat(ask).contains("Delete Email?").contains("a*****@h*****.example");
        assertThat(count("alice")).as("nothing deleted by asking").isEqualTo(1);

        HttpResponse<String> deleted = alice.post("/register/delete", Map.of("type", "email"));
        assertThat(PortalSession.location(deleted)).isEqualTo("/register?deleted=email");
        assertThat(alice.get("/register?deleted=email").body())
                .contains("Email was deleted.")
                .doesNotContain("aria-label=\"Delete Email\"");
        assertThat(count("alice")).isZero();
    }

    @Test
    void aMethodIsAddedOnItsOwnPageAndTheFormKeepsTheAddressTypedOnAnError() {
        PortalSession alice = confirmedAlice();
        assertThat(alice.get("/register/email").body()).contains("Email address");

        HttpResponse<String> wrong = alice.post("/register/email", Map.of("address", "alice-at-home"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body())
                .contains("value=\"alice-at-home\"")
                .contains("aria-invalid=\"true\"")
                .contains("id=\"address-error\"");

        assertThat(PortalSession.location(alice.post("/register/email", Map.of("address", "alice@home.example"))))
                .isEqualTo("/register/email");
        assertThat(alice.get("/register/email").body()).contains("Code from the email");
        String code = mailbox.awaitMailCode("alice@home.example", Kind.REGISTRATION_CODE);
        assertThat(PortalSession.location(alice.post("/register/email/verify", Map.of("code", code))))
                .isEqualTo("/register?saved");
        assertThat(alice.get("/register?saved").body())
                .contains("Your security info was saved.")
                .contains("a*****@h*****.example");
    }

    @Test
    void thePhoneFormKeepsTheNumberTypedOnAnError() {
        policy(Map.of("methods", List.of("email", "sms")));
        PortalSession alice = confirmedAlice();
        HttpResponse<String> wrong = alice.post("/register/sms", Map.of("phone", "06 1234"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body())
                .contains("value=\"06 1234\"")
                .contains("id=\"phone-error\"")
                .contains("aria-describedby=\"phone-hint phone-error\"");
    }

    @Test
    void theQuestionsFormKeepsTheQuestionsChosenAndTheAnswersTypedOnAnError() {
        policy(Map.of("methods", List.of("email", "questions"), "methodsRequired", 2));
        PortalSession alice = confirmedAlice();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("question-1", "q01");
        form.put("answer-1", "Rotterdam");
        form.put("question-2", "q01");
        form.put("answer-2", "Pluto");
        form.put("question-3", "q05");
        form.put("answer-3", "Bakker");

        HttpResponse<String> twice = alice.post("/register/questions", form);
        assertThat(twice.statusCode()).isEqualTo(200);
        assertThat(twice.body())
                .contains("Choose a different question in every list.")
                .contains("value=\"Rotterdam\"")
                .contains("value=\"Pluto\"")
                .contains("value=\"Bakker\"");
        assertThat(selected(twice.body(), "q01")).isEqualTo(2);
        assertThat(selected(twice.body(), "q05")).isEqualTo(1);

        form.put("question-2", "q03");
        form.put("answer-2", "Rotterdam");
        HttpResponse<String> same = alice.post("/register/questions", form);
        assertThat(same.body()).as("the service's refusal keeps them too").contains("value=\"Bakker\"");
        assertThat(selected(same.body(), "q03")).isEqualTo(1);

        form.put("answer-2", "Pluto");
        assertThat(PortalSession.location(alice.post("/register/questions", form)))
                .as("alice had one of two methods: the interrupt after her sign-in is waiting for this one")
                .isEqualTo("/register/interrupt?saved");
        assertThat(alice.get("/register/interrupt?saved").body()).contains("Your security info is set up");
        assertThat(alice.get("/register").body()).contains("aria-label=\"Delete Security questions\"");
    }

    @Test
    void aUserWithTooFewMethodsSetsThemUpAfterSigningInBeforeGoingOn() {
        policy(Map.of("methods", List.of("email", "totp"), "useDirectoryContacts", false));
        PortalSession alice = new PortalSession("http://127.0.0.1:" + port);
        assertThat(PortalSession.location(alice.get("/change"))).endsWith("/login");
        assertThat(PortalSession.location(alice.signIn("alice", "alice-demo-2026")))
                .isEqualTo("/register/interrupt");
        String interrupt = alice.get("/register/interrupt").body();
        assertThat(interrupt)
                .contains("Keep your account secure")
                .contains("0 of 1 required method set up.")
                .contains("Set up Email")
                .contains("Set up Authenticator app");
        assertThat(PortalSession.location(alice.get("/change")))
                .as("nothing else before the methods are set up")
                .isEqualTo("/register/interrupt");

        // Nothing on file to confirm it is her with: her password, then back to the set-up page.
        assertThat(PortalSession.location(alice.get("/register/email"))).isEqualTo("/register/step-up");
        alice.get("/register/step-up");
        assertThat(PortalSession.location(
                        alice.post("/register/step-up/password", Map.of("password", "alice-demo-2026"))))
                .isEqualTo("/register/email?confirmed");
        alice.get("/register/email?confirmed");
        alice.post("/register/email", Map.of("address", "alice@home.example"));
        String code = mailbox.awaitMailCode("alice@home.example", Kind.REGISTRATION_CODE);
        assertThat(PortalSession.location(alice.post("/register/email/verify", Map.of("code", code))))
                .isEqualTo("/register/interrupt?saved");

        String done = alice.get("/register/interrupt?saved").body();
        assertThat(done)
                .contains("Your security info is set up")
                .as("on to where she was going")
                .containsPattern("href=\"/change[^\"]*\"[^>]*>Continue<");
        assertThat(alice.get("/change").statusCode()).isEqualTo(200);
    }

    @Test
    void noInterruptWhenThePolicyDoesNotRequireRegistration() {
        policy(Map.of(
                "methods", List.of("email", "totp"), "useDirectoryContacts", false, "registrationRequired", false));
        PortalSession alice = new PortalSession("http://127.0.0.1:" + port);
        assertThat(PortalSession.location(alice.signIn("alice", "alice-demo-2026")))
                .isEqualTo("/register");
        assertThat(alice.get("/register").body()).contains("You need 1 more method");
    }

    @Test
    void aRegistrationOlderThanReconfirmDaysIsConfirmedAfterSigningIn() {
        policy(Map.of("reconfirmDays", 30));
        registered("alice", "email", "alice@home.example", clock.instant().minus(Duration.ofDays(31)));
        int reviewed = reviews("alice");

        PortalSession alice = new PortalSession("http://127.0.0.1:" + port);
        assertThat(PortalSession.location(alice.signIn("alice", "alice-demo-2026")))
                .isEqualTo("/register/interrupt");
        String question = alice.get("/register/interrupt").body();
        assertThat(question)
                .contains("Is your security info still current?")
                .contains("a*****@h*****.example")
                .contains("Looks good")
                .contains("href=\"/register\"");
        assertThat(alice.get("/register").body())
                .as("Change leads to the overview, which asks the same")
                .contains("Is your security info still current?");

        alice.get("/register/interrupt");
        assertThat(PortalSession.location(alice.post("/register/reconfirm", Map.of())))
                .isEqualTo("/register");
        assertThat(reviews("alice")).as("recorded in the audit log").isEqualTo(reviewed + 1);
        assertThat(jdbc.sql("SELECT registered_at FROM registered_method WHERE login = 'alice'")
                        .query(Long.class)
                        .single())
                .isEqualTo(clock.instant().toEpochMilli());
        assertThat(alice.get("/change").statusCode()).isEqualTo(200);

        PortalSession again = new PortalSession("http://127.0.0.1:" + port);
        assertThat(PortalSession.location(again.signIn("alice", "alice-demo-2026")))
                .as("not asked again until reconfirmDays have passed")
                .isEqualTo("/register");
        clock.advance(Duration.ofDays(31));
        PortalSession later = new PortalSession("http://127.0.0.1:" + port);
        assertThat(PortalSession.location(later.signIn("alice", "alice-demo-2026")))
                .isEqualTo("/register/interrupt");
    }

    /** alice, signed in, with a step-up proof from a code to her email, as /register asks before a change. */
    private PortalSession confirmedAlice() {
        PortalSession alice = signedIn("alice");
        alice.get("/register/step-up");
        alice.post("/register/step-up/challenge", Map.of("methodId", "email"));
        String code = mailbox.awaitMailCode("alice@example.org", Kind.STEP_UP_CODE);
        assertThat(PortalSession.location(
                        alice.post("/register/step-up/verify", Map.of("methodId", "email", "code", code))))
                .isEqualTo("/register?confirmed");
        alice.get("/register");
        return alice;
    }

    /** Signed in at /login, and not interrupted: the policy asks nothing more of them. */
    private PortalSession signedIn(String login) {
        PortalSession session = new PortalSession("http://127.0.0.1:" + port);
        assertThat(PortalSession.location(session.signIn(login, login + "-demo-2026")))
                .isIn("/register", "/register/interrupt");
        session.get("/register");
        return session;
    }

    private void registered(String login, String type, String value, Instant at) {
        jdbc.sql("INSERT INTO registered_method (login, type, method_value, last_step, registered_at)"
                        + " VALUES (:login, :type, :value, -1, :at)")
                .param("login", login)
                .param("type", type)
                .param("value", value)
                .param("at", at.toEpochMilli())
                .update();
    }

    private int count(String login) {
        return jdbc.sql("SELECT COUNT(*) FROM registered_method WHERE login = :login")
                .param("login", login)
                .query(Integer.class)
                .single();
    }

    private int reviews(String login) {
        return admin.get("/api/v1/admin/audit?target=" + login + "&activity=User%20reviewed%20security%20info")
                .json()
                .get("events")
                .size();
    }

    private static int selected(String page, String questionId) {
        Matcher option = Pattern.compile("<option value=\"" + questionId + "\"[^>]*selected")
                .matcher(page);
        int count = 0;
        while (option.find()) {
            count++;
        }
        return count;
    }

    private static String secret(String page) {
        Matcher secret = SECRET.matcher(page);
        assertThat(secret.find()).as(page).isTrue();
        return secret.group(1);
    }
}
