package org.opensspr.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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
        HttpResponse<String> setup = alice.post("/register/totp", Map.of());
        String secret = secret(setup.body());

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

    /** alice, signed in, with a step-up proof from a code to her email, as /register asks before a change. */
    private PortalSession confirmedAlice() {
        PortalSession alice = new PortalSession("http://127.0.0.1:" + port);
        assertThat(PortalSession.location(alice.signIn("alice", "alice-demo-2026")))
                .isEqualTo("/register");
        alice.get("/register/step-up");
        alice.post("/register/step-up/challenge", Map.of("methodId", "email"));
        String code = mailbox.awaitMailCode("alice@example.org", Kind.STEP_UP_CODE);
        assertThat(PortalSession.location(
                        alice.post("/register/step-up/verify", Map.of("methodId", "email", "code", code))))
                .isEqualTo("/register?confirmed");
        alice.get("/register");
        return alice;
    }

    private static String secret(String page) {
        Matcher secret = SECRET.matcher(page);
        assertThat(secret.find()).as(page).isTrue();
        return secret.group(1);
    }
}
