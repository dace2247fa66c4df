package org.opensspr.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opensspr.Http;
import org.opensspr.Mailbox;
import org.opensspr.ServerIntegrationTest;
import org.opensspr.notify.Message.Kind;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11: being signed in is not enough to change security info. The API asks for a step-up
 * proof (a code from a method on file, or the password when there is none) and tells every address
 * on file of each change.
 */
class StepUpIntegrationTests extends ServerIntegrationTest {

    private static final String ALICE_MAIL = "alice@example.org";
    private static final String INTRUDER = "intruder@example.net";

    private Http alice() {
        return http.basic("alice", "alice-demo-2026");
    }

    @AfterEach
    void resetPolicy() {
        admin.put("/api/v1/admin/policy", Map.of());
    }

    @Test
    void aSignedInUserCannotAddAnEmailWithoutAStepUpProof() {
        Http.Response refused = alice().post("/api/v1/me/methods/email", Map.of("address", INTRUDER));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).isEqualTo("https://opensspr.org/problems/step-up-required");
        Http.Response forged =
                alice().header("Sspr-Step-Up", "made-up").post("/api/v1/me/methods/email", Map.of("address", INTRUDER));
        assertThat(forged.status()).isEqualTo(403);
        for (String change : List.of("/api/v1/me/methods/sms", "/api/v1/me/methods/totp")) {
            assertThat(alice().post(change, Map.of("phone", "+31612345679")).status())
                    .as(change)
                    .isEqualTo(403);
        }
        assertThat(alice().send("DELETE", "/api/v1/me/methods/email", null).status())
                .isEqualTo(403);
        mailbox.drain();
        assertThat(mailbox.delivered(INTRUDER))
                .as("no code went to the new address")
                .isEmpty();
    }

    @Test
    void afterACodeFromTheAddressOnFileAnEmailIsAddedAndTheOldAddressIsTold() throws Exception {
        JsonNode ways = alice().get("/api/v1/me/step-up").json();
        assertThat(ways.get("password").asBoolean()).isFalse();
        assertThat(ways.get("methods").findValuesAsString("id")).contains("email");
        String proof = proveWithEmail(alice(), ALICE_MAIL);

        Http proven = alice().header("Sspr-Step-Up", proof);
        assertThat(proven.post("/api/v1/me/methods/email", Map.of("address", INTRUDER))
                        .status())
                .isEqualTo(202);
        String code = mailbox.awaitMailCode(INTRUDER, Kind.REGISTRATION_CODE);
        assertThat(alice().post("/api/v1/me/methods/email/verify", Map.of("code", code))
                        .status())
                .isEqualTo(200);

        MimeMessage notice = mailbox.awaitMail(ALICE_MAIL, Kind.SECURITY_INFO_NOTICE);
        String text = Mailbox.text(notice);
        assertThat(notice.getSubject()).isEqualTo("Your security info changed");
        assertThat(text)
                .contains("Email was added")
                .contains("i*****@e*****.net")
                .contains("reset your password");
        assertThat(text).doesNotContain(INTRUDER).doesNotContain(code);
        mailbox.awaitMail(INTRUDER, Kind.SECURITY_INFO_NOTICE);
    }

    @Test
    void everyChangeNotifiesEveryAddressOnFileInTheCallersLanguage() throws Exception {
        // The admin's pre-filled email wins over the directory's mail as the address to prove it with.
        admin.put(
                "/api/v1/admin/users/alice/contact",
                Map.of("email", "alice.work@example.com", "phone", "+31612345670"));
        Http dutch = alice().header("Accept-Language", "nl");
        String proof = proveWithEmail(dutch, "alice.work@example.com");
        Http proven = dutch.header("Sspr-Step-Up", proof);
        assertThat(proven.post("/api/v1/me/methods/sms", Map.of("phone", "+31612345679"))
                        .status())
                .isEqualTo(202);
        String code = mailbox.awaitSmsCode("+31612345679", Kind.REGISTRATION_CODE);
        assertThat(dutch.post("/api/v1/me/methods/sms/verify", Map.of("code", code))
                        .status())
                .isEqualTo(200);
        for (String address : List.of(ALICE_MAIL, "alice.work@example.com")) {
            MimeMessage notice = mailbox.awaitMail(address, Kind.SECURITY_INFO_NOTICE);
            assertThat(notice.getSubject()).isEqualTo("Uw beveiligingsgegevens zijn gewijzigd");
            assertThat(Mailbox.text(notice)).contains("+*********79").doesNotContain("+31612345679");
        }
        assertThat(mailbox.awaitSms("+31612345670", Kind.SECURITY_INFO_NOTICE)).contains("gewijzigd");
        assertThat(mailbox.awaitSms("+31612345679", Kind.SECURITY_INFO_NOTICE)).contains("gewijzigd");

        assertThat(proven.send("DELETE", "/api/v1/me/methods/sms", null).status())
                .isEqualTo(204);
        assertThat(Mailbox.text(mailbox.awaitMail(ALICE_MAIL, Kind.SECURITY_INFO_NOTICE)))
                .contains("Mobiele telefoon is verwijderd");
        assertThat(mailbox.awaitSms("+31612345679", Kind.SECURITY_INFO_NOTICE))
                .as("the removed number hears of it too")
                .contains("verwijderd");
    }

    @Test
    void aProofIsTheUsersOwnAndLastsTenMinutes() throws Exception {
        String proof = proveWithEmail(alice(), ALICE_MAIL);
        Http.Response bobs = http.basic("bob", "bob-demo-2026")
                .header("Sspr-Step-Up", proof)
                .post("/api/v1/me/methods/email", Map.of("address", INTRUDER));
        assertThat(bobs.status()).as("alice's proof is not bob's").isEqualTo(403);

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(alice().header("Sspr-Step-Up", proof)
                        .post("/api/v1/me/methods/email", Map.of("address", INTRUDER))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aStepUpCodeTakesFiveAttemptsThenNotEvenTheRightOne() throws Exception {
        assertThat(alice().post("/api/v1/me/step-up/challenges", Map.of("methodId", "email"))
                        .status())
                .isEqualTo(202);
        String code = mailbox.awaitMailCode(ALICE_MAIL, Kind.STEP_UP_CODE);
        String wrong = code.equals("00000000") ? "11111111" : "00000000";
        for (int i = 0; i < 5; i++) {
            assertThat(alice().post("/api/v1/me/step-up/verifications", Map.of("methodId", "email", "code", wrong))
                            .status())
                    .isEqualTo(400);
        }
        Http.Response right =
                alice().post("/api/v1/me/step-up/verifications", Map.of("methodId", "email", "code", code));
        assertThat(right.status()).as(right.toString()).isEqualTo(400);
    }

    @Test
    void aUserWithNoMethodOnFileTypesThePasswordAgainAndOnlyThen() {
        admin.put("/api/v1/admin/policy", Map.of("useDirectoryContacts", false));
        JsonNode ways = alice().get("/api/v1/me/step-up").json();
        assertThat(ways.get("methods")).isEmpty();
        assertThat(ways.get("password").asBoolean()).isTrue();

        assertThat(alice().post("/api/v1/me/step-up/verifications", Map.of("password", "guess"))
                        .status())
                .isEqualTo(400);
        Http.Response proof = alice().post("/api/v1/me/step-up/verifications", Map.of("password", "alice-demo-2026"));
        assertThat(proof.status()).as(proof.toString()).isEqualTo(200);
        assertThat(alice().header("Sspr-Step-Up", proof.json().get("token").asString())
                        .post("/api/v1/me/methods/totp", Map.of())
                        .status())
                .isEqualTo(200);

        admin.put("/api/v1/admin/policy", Map.of());
        Http.Response withMethods =
                alice().post("/api/v1/me/step-up/verifications", Map.of("password", "alice-demo-2026"));
        assertThat(withMethods.status())
                .as("a user with a method on file must use it")
                .isEqualTo(400);
        assertThat(withMethods.json().get("type").asString()).endsWith("/step-up-method-required");
    }

    @Test
    void aPasswordChangeVoidsTheProofsGivenBeforeIt() throws Exception {
        String proof = proveWithEmail(alice(), ALICE_MAIL);
        clock.advance(Duration.ofSeconds(1));
        assertThat(alice().post(
                                "/api/v1/me/password",
                                Map.of("currentPassword", "alice-demo-2026", "newPassword", "Alice-new-pw-1"))
                        .status())
                .isEqualTo(200);
        assertThat(http.basic("alice", "Alice-new-pw-1")
                        .header("Sspr-Step-Up", proof)
                        .post("/api/v1/me/methods/email", Map.of("address", INTRUDER))
                        .status())
                .isEqualTo(403);
    }

    /** Asks for a step-up code at alice's email address on file and answers it; returns the proof. */
    private String proveWithEmail(Http user, String address) {
        assertThat(user.post("/api/v1/me/step-up/challenges", Map.of("methodId", "email"))
                        .status())
                .isEqualTo(202);
        String code = mailbox.awaitMailCode(address, Kind.STEP_UP_CODE);
        Http.Response proof = user.post("/api/v1/me/step-up/verifications", Map.of("methodId", "email", "code", code));
        assertThat(proof.status()).as(proof.toString()).isEqualTo(200);
        return proof.json().get("token").asString();
    }
}
