package org.opensspr.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensspr.BrowserIntegrationTest;
import org.opensspr.notify.Message.Kind;

/**
 * The security-info pages in Chromium, in English and Dutch, on a laptop and a phone (issue 13):
 * a form shown again with an error keeps what was typed (item 8); the overview lists the methods
 * with Change and Delete, what can be added and the progress, and the registration interrupt comes
 * right after signing in (item 9).
 */
class SecurityInfoBrowserIntegrationTests extends BrowserIntegrationTest {

    @ParameterizedTest
    @MethodSource("views")
    void aFormShownAgainWithAnErrorKeepsWhatWasTyped(View view) {
        policy(Map.of("methods", List.of("email", "sms", "questions"), "methodsRequired", 2));
        Page page = open(view);
        page.navigate(url("/login"));
        signIn(page, view, "alice", "not-her-password-42");
        page.getByRole(AriaRole.ALERT).waitFor();
        assertThat(page.getByLabel(text(view, "login.username")).inputValue())
                .as("the user name stays")
                .isEqualTo("alice");
        assertThat(page.getByLabel(text(view, "login.password"), new Page.GetByLabelOptions().setExact(true))
                        .inputValue())
                .as("the password never")
                .isEmpty();
        assertAccessible(page);

        page.getByLabel(text(view, "login.password"), new Page.GetByLabelOptions().setExact(true))
                .fill("alice-demo-2026");
        button(page, text(view, "login.submit")).click();
        link(page, text(view, "register.add.label", name(view, "questions"))).click();
        confirmWithEmail(page, view, "alice@example.org");

        // The same question twice: the form comes back with all three questions and answers.
        page.locator("#question-1").selectOption("q01");
        page.getByLabel(text(view, "register.questions.answer", 1)).fill("Rotterdam");
        page.locator("#question-2").selectOption("q01");
        page.getByLabel(text(view, "register.questions.answer", 2)).fill("Pluto");
        page.locator("#question-3").selectOption("q05");
        page.getByLabel(text(view, "register.questions.answer", 3)).fill("Bakker");
        button(page, text(view, "register.questions.save")).click();
        page.getByRole(AriaRole.ALERT).waitFor();
        assertThat(page.getByRole(AriaRole.ALERT).textContent()).contains(text(view, "register.questions.different"));
        assertThat(page.locator("#question-1").inputValue()).isEqualTo("q01");
        assertThat(page.locator("#question-2").inputValue()).isEqualTo("q01");
        assertThat(page.locator("#question-3").inputValue()).isEqualTo("q05");
        assertThat(page.getByLabel(text(view, "register.questions.answer", 1)).inputValue())
                .isEqualTo("Rotterdam");
        assertThat(page.getByLabel(text(view, "register.questions.answer", 2)).inputValue())
                .isEqualTo("Pluto");
        assertThat(page.getByLabel(text(view, "register.questions.answer", 3)).inputValue())
                .isEqualTo("Bakker");
        assertAccessible(page);
        shot(page, view, "security-info-questions-error");

        // An address the server refuses stays in the field, to correct.
        page.navigate(url("/register"));
        link(page, text(view, "register.change.label", name(view, "email"))).click();
        page.getByLabel(text(view, "register.email.label")).fill("alice-at-home");
        button(page, text(view, "register.sendCode")).click();
        page.getByRole(AriaRole.ALERT).waitFor();
        assertThat(page.getByLabel(text(view, "register.email.label")).inputValue())
                .isEqualTo("alice-at-home");
        assertThat(page.getByLabel(text(view, "register.email.label")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertAccessible(page);
        assertNoConsoleErrors();
    }

    @ParameterizedTest
    @MethodSource("views")
    void theOverviewListsTheMethodsWithChangeAndDeleteWhatCanBeAddedAndTheProgress(View view) {
        policy(Map.of("methods", List.of("email", "sms", "totp"), "methodsRequired", 2));
        registered("alice", "email", "alice@home.example", clock.instant());
        Page page = open(view);
        page.navigate(url("/register"));
        signIn(page, view, "alice", "alice-demo-2026");

        heading(page, text(view, "register.title")).waitFor();
        page.getByText(text(view, "register.progress", 2, 2)).waitFor();
        page.getByText("a*****@h*****.example").waitFor();
        page.getByText(text(view, "register.method.organisation")).waitFor();
        link(page, text(view, "register.change.label", name(view, "email"))).waitFor();
        link(page, text(view, "register.change.label", name(view, "sms"))).waitFor();
        assertThat(link(page, text(view, "register.delete.label", name(view, "sms")))
                        .count())
                .as("the directory's number is not hers to delete")
                .isZero();
        assertThat(link(page, text(view, "register.add.label", name(view, "email")))
                        .count())
                .isZero();
        assertAccessible(page);
        shot(page, view, "security-info-overview");

        // Delete asks first, after she confirmed it is her.
        link(page, text(view, "register.delete.label", name(view, "email"))).click();
        confirmWithEmail(page, view, "alice@home.example");
        heading(page, text(view, "register.delete.title", name(view, "email"))).waitFor();
        assertAccessible(page);
        button(page, text(view, "register.delete")).click();
        page.getByText(text(view, "register.deleted", name(view, "email"))).waitFor();
        assertThat(link(page, text(view, "register.delete.label", name(view, "email")))
                        .count())
                .isZero();

        // Add: an authenticator app on its own page, with its QR code.
        link(page, text(view, "register.add.label", name(view, "totp"))).click();
        button(page, text(view, "register.totp.start")).click();
        page.getByLabel(text(view, "register.totp.code")).waitFor();
        assertThat(page.locator(".qr svg").count()).isEqualTo(1);
        assertAccessible(page);
        shot(page, view, "security-info-add-totp");
        assertNoConsoleErrors();
    }

    @ParameterizedTest
    @MethodSource("views")
    void afterSigningInAUserWithTooFewMethodsSetsThemUpBeforeGoingOn(View view) {
        policy(Map.of("methods", List.of("email", "totp"), "useDirectoryContacts", false));
        Page page = open(view);
        page.navigate(url("/change"));
        signIn(page, view, "alice", "alice-demo-2026");

        heading(page, text(view, "register.interrupt.setUp.title")).waitFor();
        page.getByText(text(view, "register.progress", 0, 1)).waitFor();
        assertAccessible(page);
        shot(page, view, "security-info-interrupt");
        page.navigate(url("/change"));
        // Nothing else before the methods are set up.
        heading(page, text(view, "register.interrupt.setUp.title")).waitFor();

        link(page, text(view, "register.interrupt.setUp.label", name(view, "email")))
                .click();
        // Nothing on file to confirm it is her with: her password.
        page.getByLabel(text(view, "stepup.password"), new Page.GetByLabelOptions().setExact(true))
                .fill("alice-demo-2026");
        button(page, text(view, "stepup.confirm")).click();
        page.getByLabel(text(view, "register.email.label")).fill("alice@home.example");
        button(page, text(view, "register.sendCode")).click();
        page.getByLabel(text(view, "register.email.code"))
                .fill(mailbox.awaitMailCode("alice@home.example", Kind.REGISTRATION_CODE));
        button(page, text(view, "action.verify")).click();

        heading(page, text(view, "register.interrupt.done.title")).waitFor();
        assertAccessible(page);
        link(page, text(view, "register.interrupt.done.continue")).click();
        // On to where she was going.
        heading(page, text(view, "change.title")).waitFor();
        assertNoConsoleErrors();
    }

    @ParameterizedTest
    @MethodSource("views")
    void afterSigningInADueReconfirmationAsksWhetherTheSecurityInfoIsStillCurrent(View view) {
        policy(Map.of("reconfirmDays", 30));
        registered("alice", "email", "alice@home.example", clock.instant().minus(Duration.ofDays(31)));
        Page page = open(view);
        page.navigate(url("/login"));
        signIn(page, view, "alice", "alice-demo-2026");

        heading(page, text(view, "register.interrupt.reconfirm.title")).waitFor();
        page.getByText("a*****@h*****.example").waitFor();
        link(page, text(view, "register.interrupt.reconfirm.change")).waitFor();
        assertAccessible(page);
        shot(page, view, "security-info-reconfirm");
        button(page, text(view, "register.interrupt.reconfirm.ok")).click();

        heading(page, text(view, "register.title")).waitFor();
        assertThat(button(page, text(view, "register.interrupt.reconfirm.ok")).count())
                .as("confirmed: not asked again")
                .isZero();
        assertThat(jdbc.sql("SELECT registered_at FROM registered_method WHERE login = 'alice'")
                        .query(Long.class)
                        .single())
                .isEqualTo(clock.instant().toEpochMilli());
        assertNoConsoleErrors();
    }

    /** On the step-up page: a code to {@code address} (on file), typed in; back on the page that asked. */
    private void confirmWithEmail(Page page, View view, String address) {
        heading(page, text(view, "stepup.title")).waitFor();
        button(page, text(view, "register.sendCode")).first().click();
        page.getByLabel(text(view, "stepup.code")).fill(mailbox.awaitMailCode(address, Kind.STEP_UP_CODE));
        button(page, text(view, "action.verify")).click();
        page.getByText(text(view, "stepup.confirmed")).waitFor();
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

    private String name(View view, String type) {
        return text(view, "method." + type + ".name");
    }

    private static Locator heading(Page page, String name) {
        return page.getByRole(
                AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator link(Page page, String name) {
        return page.getByRole(
                AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
