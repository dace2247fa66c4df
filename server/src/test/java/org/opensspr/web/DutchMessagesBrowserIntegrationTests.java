package org.opensspr.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensspr.BrowserIntegrationTest;
import org.opensspr.Mailbox;
import org.opensspr.notify.Message.Kind;
import org.opensspr.passwordpolicy.PasswordMessages;

/**
 * Issue 13, item 4: a Dutch page showed the server's errors in English, and every mail was English.
 * Here a user meets the server's own errors (a wrong code, a password the policy refuses) in their
 * language, and the code mail they get is in their language too, with an HTML part: in the Dutch
 * views the user is dirk, whose directory entry says {@code preferredLanguage: nl}, in the English
 * views alice, whose entry says nothing (her browser's language counts).
 */
class DutchMessagesBrowserIntegrationTests extends BrowserIntegrationTest {

    @ParameterizedTest
    @MethodSource("views")
    void theServersErrorsOnTheResetPagesAndTheCodeMailAreInTheUsersLanguage(View view) throws Exception {
        String login = dutch(view) ? "dirk" : "alice";
        String address = login + "@example.org";
        Page page = open(view);
        page.navigate(url("/reset"));
        page.getByLabel(text(view, "reset.login.label")).fill(login);
        page.getByText(text(view, "captcha.done")).waitFor();
        button(page, text(view, "action.next")).click();
        heading(page, text(view, "reset.method.title")).waitFor();
        page.getByLabel(text(view, "method.email.reset", "").trim()).check();
        button(page, text(view, "action.next")).click();
        page.getByLabel(text(view, "reset.contact.label.email")).fill(address);
        button(page, text(view, "reset.contact.send")).click();
        heading(page, text(view, "reset.code.title")).waitFor();

        MimeMessage mail = mailbox.awaitMail(address, Kind.RESET_CODE);
        String code = Mailbox.code(mail);
        assertThat(mail.getSubject()).isEqualTo(text(view, "message.reset-code.subject"));
        assertThat(Mailbox.text(mail).replace("\r\n", "\n")).isEqualTo(text(view, "message.reset-code.text", code, 5));
        assertThat(Mailbox.html(mail))
                .contains("<html lang=\"" + view.locale().getLanguage() + "\">")
                .contains(code + "</strong>");
        Page inbox = page.context().newPage();
        inbox.setContent(Mailbox.html(mail));
        assertThat(inbox.getByRole(AriaRole.HEADING).textContent()).isEqualTo(mail.getSubject());
        assertAccessible(inbox);
        shot(inbox, view, "mail-reset-code");
        inbox.close();

        page.getByLabel(text(view, "reset.code.label.email")).fill(code.equals("00000000") ? "11111111" : "00000000");
        button(page, text(view, "action.verify")).click();
        assertThat(alert(page)).contains(text(view, "problem.code-invalid.detail"));
        assertAccessible(page);
        shot(page, view, "server-error-code");

        page.getByLabel(text(view, "reset.code.label.email")).fill(code);
        button(page, text(view, "action.verify")).click();
        heading(page, text(view, "reset.password.title")).waitFor();
        page.getByLabel(text(view, "password.new"), new Page.GetByLabelOptions().setExact(true))
                .fill(BREACHED_PASSWORD);
        page.getByLabel(text(view, "password.confirm"), new Page.GetByLabelOptions().setExact(true))
                .fill(BREACHED_PASSWORD);
        button(page, text(view, "reset.password.submit")).click();
        String refused = text(
                view, "problem.password-rejected.detail", PasswordMessages.message("password-breached", view.locale()));
        assertThat(alert(page))
                .as("the policy's prefix and its violation, in one language")
                .contains(refused);
        assertAccessible(page);
        shot(page, view, "server-error-password");
        assertNoConsoleErrors();
    }

    private static boolean dutch(View view) {
        return view.locale().getLanguage().equals("nl");
    }

    /** The error summary's text, once it is shown. */
    private static String alert(Page page) {
        Locator alert = page.getByRole(AriaRole.ALERT);
        alert.waitFor();
        return alert.textContent().replaceAll("\\s+", " ");
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
    }

    private static Locator heading(Page page, String name) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name));
    }
}
