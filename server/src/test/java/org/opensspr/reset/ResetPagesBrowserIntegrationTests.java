package org.opensspr.reset;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensspr.BrowserIntegrationTest;
import org.opensspr.notify.Message.Kind;

/**
 * The reset pages' finish (issue 13, items 1, 2, 6 and 7) as a user meets it in Chromium: in
 * English and Dutch, on a laptop and a phone, with axe-core on every page the test stops at.
 */
class ResetPagesBrowserIntegrationTests extends BrowserIntegrationTest {

    private static final String CAROL_MAIL = "carol@example.org";
    private static final String CAROL_MOBILE = "+31612345003";

    @ParameterizedTest
    @MethodSource("views")
    void switchingLanguageOnAPageWithAnErrorKeepsTheResetAtItsStep(View view) {
        Page page = open(view);
        toTheCodeStep(page, view, "email", CAROL_MAIL);
        String code = mailbox.awaitMailCode(CAROL_MAIL, Kind.RESET_CODE);
        page.getByLabel(text(view, "reset.code.label.email")).fill(code.equals("00000000") ? "11111111" : "00000000");
        button(page, text(view, "action.verify")).click();
        page.getByRole(AriaRole.ALERT).waitFor();
        assertAccessible(page);
        shot(page, view, "reset-code-wrong");

        View other = view.locale().getLanguage().equals("nl") ? View.EN_DESKTOP : View.NL_DESKTOP;
        String language = other.locale().getLanguage().equals("nl") ? "Nederlands" : "English";
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(language))
                .click();
        heading(page, text(other, "reset.code.title")).waitFor();
        assertThat(page.locator("html").getAttribute("lang"))
                .isEqualTo(other.locale().getLanguage());
        page.getByLabel(text(other, "reset.code.label.email")).fill(code);
        button(page, text(other, "action.verify")).click();
        heading(page, text(other, "reset.password.title")).waitFor();
        assertNoConsoleErrors();
    }

    @ParameterizedTest
    @MethodSource("views")
    void aStepAfterTheSessionExpiredSaysSoAndStartsAgainOnAStyledPage(View view) {
        Page page = open(view);
        toTheCodeStep(page, view, "email", CAROL_MAIL);
        String code = mailbox.awaitMailCode(CAROL_MAIL, Kind.RESET_CODE);
        jdbc.sql("DELETE FROM spring_session").update();

        page.getByLabel(text(view, "reset.code.label.email")).fill(code);
        button(page, text(view, "action.verify")).click();
        page.getByText(text(view, "session.expired.reset")).waitFor();
        assertThat(page.getByLabel(text(view, "reset.login.label")).isVisible()).isTrue();
        assertAccessible(page);
        shot(page, view, "reset-expired");

        Response missing = page.navigate(url("/reset/my-password-please"));
        assertThat(missing.status()).isEqualTo(404);
        heading(page, text(view, "error.page.404.title")).waitFor();
        assertThat(page.content()).doesNotContain("Whitelabel");
        assertAccessible(page);
        shot(page, view, "error-404");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(text(view, "error.page.reset")))
                .click();
        heading(page, text(view, "reset.login.title")).waitFor();
        assertNoConsoleErrors(404);
    }

    @ParameterizedTest
    @MethodSource("views")
    void signingInWhileTheDirectoryIsDownIsAStyledPageNotAServerError(View view) {
        Page page = open(view);
        page.navigate(url("/login"));
        directoryLink.down(true);
        try {
            signIn(page, view, "alice", "alice-demo-2026");
            page.getByRole(AriaRole.HEADING).first().waitFor();
            assertThat(page.locator("html").getAttribute("lang"))
                    .isEqualTo(view.locale().getLanguage());
            assertThat(page.content()).doesNotContain("Whitelabel").doesNotContain("\"status\"");
            assertThat(page.getByRole(AriaRole.HEADING).first().textContent())
                    .isIn(text(view, "error.page.503.title"), text(view, "error.busy.title"));
            assertAccessible(page);
            shot(page, view, "error-503");
        } finally {
            directoryLink.down(false);
        }
        assertNoConsoleErrors(503);
    }

    @ParameterizedTest
    @MethodSource("views")
    void aMobileNumberTypedTheLocalWayMatchesWithTheDefaultRegion(View view) {
        policy(Map.of("methods", List.of("sms")));
        Page page = open(view);
        toTheCodeStep(page, view, "sms", "06 1234 5003");
        String code = mailbox.awaitSmsCode(CAROL_MOBILE, Kind.RESET_CODE);
        page.getByLabel(text(view, "reset.code.label.sms")).fill(code);
        button(page, text(view, "action.verify")).click();
        heading(page, text(view, "reset.password.title")).waitFor();
        assertNoConsoleErrors();
    }

    @ParameterizedTest
    @MethodSource("views")
    void theCodePageSendsANewCodeAndSwitchesMethodAndCountsEveryStepOnce(View view) {
        policy(Map.of("methodsRequired", 2, "methods", List.of("email", "sms")));
        Page page = open(view);
        page.navigate(url("/reset"));
        page.getByText(text(view, "reset.step", 1, 6)).waitFor();
        toTheCodeStep(page, view, "email", CAROL_MAIL);
        page.getByText(text(view, "reset.step", 3, 6)).waitFor();
        String first = mailbox.awaitMailCode(CAROL_MAIL, Kind.RESET_CODE);

        button(page, text(view, "reset.code.resend")).click();
        page.getByText(text(view, "reset.code.resent")).waitFor();
        assertAccessible(page);
        shot(page, view, "reset-code-resent");
        String second = mailbox.awaitMailCode(CAROL_MAIL, Kind.RESET_CODE);
        assertThat(second).isNotEqualTo(first);

        // The user thinks better of email and goes back to the choice: still the first gate.
        button(page, text(view, "reset.switch")).click();
        heading(page, text(view, "reset.method.title")).waitFor();
        page.getByText(text(view, "reset.step", 2, 6)).waitFor();
        assertAccessible(page);
        chooseMethod(page, view, "sms");
        page.getByLabel(text(view, "reset.contact.label.sms")).fill(CAROL_MOBILE);
        button(page, text(view, "reset.contact.send")).click();
        heading(page, text(view, "reset.code.title")).waitFor();
        page.getByText(text(view, "reset.step", 3, 6)).waitFor();
        page.getByLabel(text(view, "reset.code.label.sms")).fill(mailbox.awaitSmsCode(CAROL_MOBILE, Kind.RESET_CODE));
        button(page, text(view, "action.verify")).click();

        // The second gate counts on from there, never "Step 2" again.
        heading(page, text(view, "reset.method.title")).waitFor();
        page.getByText(text(view, "reset.step", 4, 6)).waitFor();
        chooseMethod(page, view, "email");
        page.getByLabel(text(view, "reset.contact.label.email")).fill(CAROL_MAIL);
        button(page, text(view, "reset.contact.send")).click();
        page.getByText(text(view, "reset.step", 5, 6)).waitFor();
        page.getByLabel(text(view, "reset.code.label.email")).fill(mailbox.awaitMailCode(CAROL_MAIL, Kind.RESET_CODE));
        button(page, text(view, "action.verify")).click();
        heading(page, text(view, "reset.password.title")).waitFor();
        page.getByText(text(view, "reset.step", 6, 6)).waitFor();
        assertNoConsoleErrors();
    }

    @ParameterizedTest
    @MethodSource("views")
    void anEmptyFieldOrAMistypedCodeIsTheUsersToFixWithoutASupportCode(View view) {
        Page page = open(view);
        page.navigate(url("/reset"));
        page.getByText(text(view, "captcha.done")).waitFor();
        button(page, text(view, "action.next")).click();
        String supportCode = text(view, "error.support", "@").split("@")[0].strip();
        assertThat(page.getByRole(AriaRole.ALERT).textContent())
                .contains(text(view, "reset.login.required"))
                .doesNotContain(supportCode);
        assertThat(page.getByLabel(text(view, "reset.login.label")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertAccessible(page);
        shot(page, view, "reset-error-empty");

        toTheCodeStep(page, view, "email", CAROL_MAIL);
        button(page, text(view, "action.verify")).click();
        assertThat(page.getByRole(AriaRole.ALERT).textContent())
                .contains(text(view, "reset.code.required"))
                .doesNotContain(supportCode);
        assertNoConsoleErrors();
    }

    /** From the first page to the code page: the user name, the method, the contact typed in full. */
    private void toTheCodeStep(Page page, View view, String method, String contact) {
        page.navigate(url("/reset"));
        page.getByLabel(text(view, "reset.login.label")).fill("carol");
        page.getByText(text(view, "captcha.done")).waitFor();
        button(page, text(view, "action.next")).click();
        heading(page, text(view, "reset.method.title")).waitFor();
        chooseMethod(page, view, method);
        page.getByLabel(text(view, "reset.contact.label." + method)).fill(contact);
        button(page, text(view, "reset.contact.send")).click();
        heading(page, text(view, "reset.code.title")).waitFor();
    }

    private void chooseMethod(Page page, View view, String method) {
        String label = text(view, "method." + method + ".reset", "").trim();
        // A part of the label: the rest is the masked address or number.
        page.getByLabel(label).check();
        button(page, text(view, "action.next")).click();
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
    }

    private static Locator heading(Page page, String name) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name));
    }
}
