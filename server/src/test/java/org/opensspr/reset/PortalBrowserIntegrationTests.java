package org.opensspr.reset;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensspr.BrowserIntegrationTest;
import org.opensspr.Http;
import org.opensspr.notify.Message.Kind;

/**
 * The portal's pages in a real browser: Debian's Chromium driven by Playwright (which never
 * downloads a browser here). Elements are found by their accessible names, which proves the
 * labels exist. Every page photographed ({@code target/screenshots/}) is checked by axe-core.
 */
class PortalBrowserIntegrationTests extends BrowserIntegrationTest {

    private static final String CAROL_MAIL = "carol@example.org";

    private Page page;

    @BeforeEach
    void openPage() {
        // The policy needs no reset here: ServerIntegrationTest empties the settings before each test.
        page = open(View.EN_DESKTOP);
    }

    @Test
    void carolResetsHerPasswordWithAnEmailCodeThroughThePages() throws Exception {
        Response first = page.navigate(url("/reset"));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.headers().get("content-security-policy"))
                .contains("script-src 'self'")
                .doesNotContain("unsafe-inline");
        assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");
        page.getByLabel("User name").fill("carol");
        Page.GetByRoleOptions next = new Page.GetByRoleOptions().setName("Next");
        page.getByText("Done. You can continue.").waitFor();
        shot("reset-1-login");
        page.getByRole(AriaRole.BUTTON, next).click();

        assertThat(page.url()).doesNotContain("flow");
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Choose a verification method"))
                .waitFor();
        page.getByLabel(Pattern.compile("Email a code to my address")).check();
        shot("reset-2-method");
        page.getByRole(AriaRole.BUTTON, next).click();

        page.getByLabel("Your full email address").fill("Carol@Example.org");
        shot("reset-3-contact");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send code"))
                .click();

        String code = mailbox.awaitMailCode(CAROL_MAIL, Kind.RESET_CODE);
        page.getByLabel("Code from the email").fill("00000000");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify"))
                .click();
        assertThat(page.getByRole(AriaRole.ALERT).textContent())
                .contains("The code is wrong")
                .as("a typo needs no helpdesk")
                .doesNotContain("Support code:");
        shot("reset-4-code-wrong");
        page.getByLabel("Code from the email").fill(code);
        shot("reset-5-code");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify"))
                .click();

        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Choose a new password"))
                .waitFor();
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true))
                .fill("Carol-portal-2026");
        page.getByLabel("Confirm new password").fill("Carol-portal-2027");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reset password"))
                .click();
        assertThat(page.getByRole(AriaRole.ALERT).textContent()).contains("not the same");
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true))
                .fill("Carol-portal-2026");
        page.getByLabel("Confirm new password").fill("Carol-portal-2026");
        // The meter fills in after the input event: wait for it (a deadline), then look.
        page.locator("#newPassword-strength:has-text('Strength:')").waitFor();
        assertThat(page.locator("#newPassword-strength").textContent()).contains("Strength:");
        shot("reset-6-password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reset password"))
                .click();

        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your password was reset"))
                .waitFor();
        shot("reset-7-done");
        assertThat(http.basic("carol", "Carol-portal-2026")
                        .get("/api/v1/me/methods")
                        .status())
                .isEqualTo(200);

        // Carol signs in with the new password, confirms her email address and changes her password back.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in to manage your security info"))
                .click();
        signIn("carol", "Carol-portal-2026");
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Security info"))
                .waitFor();
        page.getByText("1 of 1 required method set up.").waitFor();
        shot("register-1-methods");
        // Her address comes from the directory; she registers it as her own on the email page.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change Email"))
                .click();
        // Signed in is not enough to change security info: carol confirms it is her with her address on file.
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Confirm it is you"))
                .waitFor();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send code"))
                .first()
                .click();
        page.getByLabel("Code").fill(mailbox.awaitMailCode(CAROL_MAIL, Kind.STEP_UP_CODE));
        shot("register-1-step-up");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify"))
                .click();
        page.getByText("You confirmed it is you.").waitFor();
        page.getByLabel("Email address").fill(CAROL_MAIL);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send code"))
                .click();
        page.getByLabel("Code from the email").fill(mailbox.awaitMailCode(CAROL_MAIL, Kind.REGISTRATION_CODE));
        shot("register-2-email-code");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify"))
                .click();
        page.getByText("Your security info was saved.").waitFor();
        shot("register-3-saved");
        // Other tests rely on carol having no registration of her own: delete it again (the page asks first).
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Delete Email"))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete"))
                .click();
        page.getByText("Email was deleted.").waitFor();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Delete Email"))
                        .count())
                .isZero();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change your password"))
                .click();
        page.getByLabel("Current password").fill("Carol-portal-2026");
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true))
                .fill("Kites-over-the-dunes-7");
        page.getByLabel("Confirm new password").fill("Kites-over-the-dunes-7");
        shot("change-1-form");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password"))
                .click();
        page.getByText("Your password was changed.").waitFor();
        shot("change-2-done");
        assertThat(http.basic("carol", "Kites-over-the-dunes-7")
                        .get("/api/v1/me/methods")
                        .status())
                .as("the directory has carol's changed password")
                .isEqualTo(200);
        assertNoConsoleErrors();
    }

    @Test
    void theRegistrationPagesNeedASignedInUserAndShowAnAuthenticatorQrCode() {
        page.navigate(url("/register"));
        assertThat(page.url()).endsWith("/login");
        signIn("admin", "wrong-password");
        assertThat(page.getByRole(AriaRole.ALERT).textContent()).contains("The user name or password is not right.");
        shot("login-error");
        // The directory's mail and mobile no longer count, so admin (who always needs two methods) has too few.
        admin.put(
                "/api/v1/admin/policy",
                Map.of(
                        "methodsRequired",
                        2,
                        "methods",
                        List.of("email", "sms", "totp"),
                        "useDirectoryContacts",
                        false));
        try {
            // admin, whose password no test changes; carol's depends on which reset tests ran before.
            signIn("admin", "admin-demo-2026");
            // Registration is required: the sign-in goes on to setting up methods first.
            page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Keep your account secure"))
                    .waitFor();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Set up Authenticator app"))
                    .click();
            // No method on file to confirm it is them with: the password, typed again.
            page.getByLabel("Password").fill("admin-demo-2026");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm"))
                    .click();
            page.getByText("You confirmed it is you.").waitFor();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set up an authenticator app"))
                    .click();
            assertThat(page.locator(".qr svg").count()).isEqualTo(1);
            page.getByLabel("Code the app shows now").waitFor();
            shot("register-4-totp");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cancel"))
                    .click();
            page.getByText("You need 2 more methods").waitFor();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add Email"))
                    .waitFor();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add Mobile phone"))
                    .waitFor();
            shot("register-5-incomplete");
        } finally {
            admin.put("/api/v1/admin/policy", Map.of());
        }
        assertNoConsoleErrors();
    }

    @Test
    void theFirstPageSpeaksDutch() {
        page.navigate(url("/reset?lang=nl"));
        assertThat(page.locator("html").getAttribute("lang")).isEqualTo("nl");
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Uw wachtwoord opnieuw instellen"))
                .waitFor();
        page.getByLabel("Gebruikersnaam").fill("carol");
        page.getByText("Klaar. U kunt verder.").waitFor();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Volgende"))
                        .isEnabled())
                .isTrue();
        shot("reset-nl-1-login");
        page.navigate(url("/reset"));
        assertThat(page.locator("html").getAttribute("lang"))
                .as("the choice is remembered")
                .isEqualTo("nl");
        assertNoConsoleErrors();
    }

    @Test
    void anEmptyLoginIsShownInAnErrorSummaryLinkedToTheField() {
        page.navigate(url("/reset"));
        page.getByText("Done. You can continue.").waitFor();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next"))
                .click();
        assertThat(page.getByRole(AriaRole.ALERT).textContent())
                .contains("Enter your user name.")
                .as("an empty field needs no helpdesk")
                .doesNotContain("Support code:");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Enter your user name."))
                        .getAttribute("href"))
                .isEqualTo("#login");
        assertThat(page.getByLabel("User name").getAttribute("aria-invalid")).isEqualTo("true");
        shot("reset-error-login");
    }

    @Test
    void aFormPostWithoutACsrfTokenIsRefused() {
        // Nothing is done; the browser is sent to start again (a token missing is mostly an expired session).
        int flows =
                jdbc.sql("SELECT COUNT(*) FROM reset_flow").query(Integer.class).single();
        Http.Response start = http.post("/reset/start", Map.of("login", "carol"));
        assertThat(start.status()).isEqualTo(302);
        assertThat(start.headers().firstValue("Location").orElse("")).endsWith("/reset?expired");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reset_flow")
                        .query(Integer.class)
                        .single())
                .as("no flow started")
                .isEqualTo(flows);
        Http.Response signIn = http.post("/login", Map.of("username", "carol", "password", "x"));
        assertThat(signIn.status()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElse("")).endsWith("/login?expired");
        assertThat(http.get("/reset").status()).isEqualTo(200);
    }

    private void signIn(String login, String password) {
        signIn(page, View.EN_DESKTOP, login, password);
    }

    /** Every page the test photographs is also checked by axe-core. */
    private void shot(String name) {
        assertAccessible(page);
        shot(page, View.EN_DESKTOP, name);
    }
}
