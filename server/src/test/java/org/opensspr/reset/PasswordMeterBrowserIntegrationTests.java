package org.opensspr.reset;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensspr.BrowserIntegrationTest;
import org.opensspr.Http;
import org.opensspr.PortalSession;
import org.opensspr.notify.Message.Kind;
import org.opensspr.passwordpolicy.PasswordMessages;

/**
 * The new-password page's rules and strength meter in a real browser, in both languages and at both
 * widths: the rules are the server's policy, and as the user types the meter shows the server's own
 * violations (the same texts the password step answers with) and never calls a refused password good
 * or strong (issue 13, item 3).
 */
class PasswordMeterBrowserIntegrationTests extends BrowserIntegrationTest {

    private static final String CAROL_MAIL = "carol@example.org";
    /** Carol's own surname, and the password the issue saw called "strong". */
    private static final List<String> REFUSED = List.of("Danvers2026!", "P@ssw0rd2026!");

    @ParameterizedTest
    @MethodSource("views")
    void onTheResetPasswordPageTheMeterShowsTheServersViolationsAndNeverGoodOrStrong(View view) {
        Http.Response policy = admin.put("/api/v1/admin/password-policy", Map.of("minLength", 11));
        assertThat(policy.status()).as(policy.toString()).isEqualTo(200);
        Page page = atThePasswordStep(view);

        Locator rules =
                page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName(text(view, "password.rules.intro")));
        assertThat(rules.getByRole(AriaRole.LISTITEM).allTextContents())
                .as("the rules are the policy the admin just set")
                .contains(text(view, "password.rule.minLength", 11))
                .doesNotContain(text(view, "password.rule.minLength", 8));

        Locator field = page.getByLabel(text(view, "password.new"), new Page.GetByLabelOptions().setExact(true));
        Locator violations =
                page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName(text(view, "password.violations")));
        Locator meter = page.locator("#newPassword-strength");
        String tooCommon = PasswordMessages.message("password-too-common", view.locale());
        for (String password : REFUSED) {
            // A password the server accepts first, so that the violation below is the answer for this one.
            field.fill("correct horse battery staple");
            meter.getByText(meterText(view, 4)).waitFor();
            assertThat(violations.count()).as("no violations listed").isZero();

            field.fill(password);
            violations.getByText(tooCommon).waitFor();
            assertThat(violations.getByRole(AriaRole.LISTITEM).allTextContents())
                    .as(password)
                    .containsExactly(tooCommon);
            assertThat(meter.textContent().strip())
                    .as("the meter on " + password)
                    .isEqualTo(meterText(view, 1))
                    .doesNotContain(text(view, "password.strength.3"))
                    .doesNotContain(text(view, "password.strength.4"));
        }
        assertAccessible(page);
        shot(page, view, "reset-6-password-meter");

        page.getByLabel(text(view, "password.confirm")).fill("P@ssw0rd2026!");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(text(view, "reset.password.submit")))
                .click();
        assertThat(page.getByRole(AriaRole.ALERT).textContent())
                .as("the password step says what the meter said")
                .contains(tooCommon)
                .as("a refused password is the user's to fix: no support code")
                .doesNotContain(text(view, "error.support", "@").split("@")[0].strip());
        assertNoConsoleErrors();
    }

    @ParameterizedTest
    @MethodSource("views")
    void onTheChangePageTheMeterChecksForTheSignedInUser(View view) {
        Page page = open(view);
        page.navigate(url("/login"));
        signIn(page, view, "carol", "carol-demo-2026");
        page.waitForURL(url -> !url.contains("/login"));
        page.navigate(url("/change"));

        Locator field = page.getByLabel(text(view, "password.new"), new Page.GetByLabelOptions().setExact(true));
        field.fill("Danvers2026!");
        Locator violations =
                page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName(text(view, "password.violations")));
        violations
                .getByText(PasswordMessages.message("password-too-common", view.locale()))
                .waitFor();
        assertThat(page.locator("#newPassword-strength").textContent().strip()).isEqualTo(meterText(view, 1));
        assertAccessible(page);
        shot(page, view, "change-password-meter");
        assertNoConsoleErrors();
    }

    private String meterText(View view, int level) {
        return text(view, "password.strength") + " " + text(view, "password.strength." + level);
    }

    /**
     * A browser at carol's new-password step: the steps before it (user name with its proof of work,
     * method, address, code) go through the same pages over HTTP, and the browser takes the session.
     */
    private Page atThePasswordStep(View view) {
        PortalSession steps = new PortalSession(url(""));
        steps.get("/reset");
        steps.post("/reset/start", Map.of("login", "carol", "captcha", solvedCaptcha(http)));
        steps.get("/reset");
        steps.post("/reset/method", Map.of("methodId", "email"));
        steps.get("/reset");
        steps.post("/reset/contact", Map.of("contact", CAROL_MAIL));
        steps.get("/reset");
        steps.post("/reset/verify", Map.of("code", mailbox.awaitMailCode(CAROL_MAIL, Kind.RESET_CODE)));
        assertThat(steps.get("/reset").body()).contains("name=\"newPassword\"");

        Page page = open(view);
        page.context()
                .addCookies(List.of(new Cookie("sspr-session", steps.cookie("sspr-session"))
                        .setDomain("127.0.0.1")
                        .setPath("/")));
        page.navigate(url("/reset"));
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(text(view, "reset.password.title")))
                .waitFor();
        return page;
    }
}
