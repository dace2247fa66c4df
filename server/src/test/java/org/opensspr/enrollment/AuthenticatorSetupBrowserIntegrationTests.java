package org.opensspr.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensspr.BrowserIntegrationTest;
import org.opensspr.notify.Message.Kind;

/**
 * Setting up an authenticator app (issue 13, item 5) in Chromium, in English and Dutch, on a
 * laptop and a phone: a mistyped code keeps the QR code the user already scanned.
 */
class AuthenticatorSetupBrowserIntegrationTests extends BrowserIntegrationTest {

    @ParameterizedTest
    @MethodSource("views")
    void aWrongCodeKeepsTheScannedQrCodeAndTheRightOneSavesTheApp(View view) {
        policy(Map.of("methods", List.of("email", "sms", "totp")));
        Page page = open(view);
        page.navigate(url("/login"));
        signIn(page, view, "alice", "alice-demo-2026");
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions()
                                .setName(text(view, "register.add.label", text(view, "method.totp.name"))))
                .click();
        // Before a change, alice confirms it is her with the address she has on file.
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(text(view, "stepup.title")))
                .waitFor();
        button(page, text(view, "register.sendCode")).first().click();
        page.getByLabel(text(view, "stepup.code")).fill(mailbox.awaitMailCode("alice@example.org", Kind.STEP_UP_CODE));
        button(page, text(view, "action.verify")).click();
        page.getByText(text(view, "stepup.confirmed")).waitFor();
        button(page, text(view, "register.totp.start")).click();

        page.getByLabel(text(view, "register.totp.code")).waitFor();
        String secret = page.locator(".secret").textContent().trim();
        String qr = page.locator(".qr svg").innerHTML();
        Totp totp = new Totp(clock);
        String right = totp.codeAt(Base32.decode(secret), totp.currentStep());
        page.getByLabel(text(view, "register.totp.code")).fill(right.equals("000000") ? "111111" : "000000");
        button(page, text(view, "action.verify")).click();

        page.getByRole(AriaRole.ALERT).waitFor();
        assertThat(page.locator(".secret").textContent().trim())
                .as("the same key")
                .isEqualTo(secret);
        assertThat(page.locator(".qr svg").innerHTML()).as("the same QR code").isEqualTo(qr);
        assertThat(page.getByLabel(text(view, "register.totp.code")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertAccessible(page);
        shot(page, view, "register-totp-wrong-code");

        page.getByLabel(text(view, "register.totp.code")).fill(right);
        button(page, text(view, "action.verify")).click();
        page.getByText(text(view, "register.saved")).waitFor();
        assertNoConsoleErrors();
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
    }
}
