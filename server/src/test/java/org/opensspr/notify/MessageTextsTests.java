package org.opensspr.notify;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.opensspr.Bundles;

/**
 * Mails and SMS are written from the bundles in the language they are asked for, and a mail has a
 * plain-text and an HTML part that say the same, with the user's data escaped and nothing to fetch.
 */
class MessageTextsTests {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");
    private final MessageTexts texts = new MessageTexts(Bundles.messages());

    @Test
    void aCodeMailIsWrittenInTheLanguageAskedFor() {
        Message english = texts.email(Message.Kind.RESET_CODE, "alice@example.org", Locale.ENGLISH, "12345678", 5);
        assertThat(english.subject()).isEqualTo("Your password reset code");
        assertThat(english.body()).startsWith("Your verification code is 12345678.\n\nIt expires in 5 minutes.");

        Message dutch = texts.email(Message.Kind.RESET_CODE, "carol@example.org", DUTCH, "12345678", 5);
        assertThat(dutch.subject()).isEqualTo("Uw code om uw wachtwoord te herstellen");
        assertThat(dutch.body()).startsWith("Uw verificatiecode is 12345678.\n\nDe code verloopt over 5 minuten.");
        assertThat(dutch.html())
                .contains("<html lang=\"nl\">")
                .contains("<title>Uw code om uw wachtwoord te herstellen</title>")
                .contains("Uw verificatiecode is <strong")
                .contains(">12345678</strong>")
                .contains("Dit bericht is automatisch verstuurd");
        assertThat(dutch.kind()).isEqualTo(Message.Kind.RESET_CODE);
    }

    @Test
    void anSmsIsTextOnlyInTheLanguageAskedFor() {
        Message sms = texts.sms(Message.Kind.STEP_UP_CODE, "+31612345003", DUTCH, "12345678", 5);
        assertThat(sms.channel()).isEqualTo(Message.Channel.SMS);
        assertThat(sms.body()).isEqualTo("Uw OpenSSPR-bevestigingscode is 12345678. De code verloopt over 5 minuten.");
        assertThat(sms.html()).isNull();
    }

    @Test
    void theHtmlPartEscapesTheUsersDataAndFetchesNothing() {
        Message notice = texts.email(
                Message.Kind.ADMIN_RESET_NOTICE,
                "admin@example.org",
                Locale.ENGLISH,
                "eve<script>alert(1)</script>",
                "203.0.113.9",
                "Browser",
                "Eve \"O'Hara\" & <b>co</b>");
        assertThat(notice.body()).contains("eve<script>alert(1)</script>").contains("Eve \"O'Hara\" & <b>co</b>");
        assertThat(notice.html())
                .doesNotContain("<script>")
                .doesNotContain("<b>co</b>")
                .contains("eve&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("Eve &quot;O&#39;Hara&quot; &amp; &lt;b&gt;co&lt;/b&gt;")
                .doesNotContain("src=")
                .doesNotContain("href=")
                .doesNotContain("url(")
                .doesNotContain("<link")
                .doesNotContain("<img");
        assertThat(notice.html().split("<p style="))
                .as("two paragraphs and the footer")
                .hasSize(4);
    }

    @Test
    void withoutBrandingAMailIsAsItWas() {
        Message mail = texts.email(Message.Kind.RESET_CODE, "alice@example.org", Locale.ENGLISH, "12345678", 5);

        assertThat(mail.body()).doesNotContain("-- ");
        assertThat(mail.html()).doesNotContain("border-top").contains("<h1 style=");
    }

    @Test
    void aBrandedMailCarriesTheOrganisationAndItsColour() {
        MessageTexts branded = new MessageTexts(
                Bundles.messages(), () -> new org.opensspr.branding.Branding("Acme & Sons", "#123456", null, null));

        Message mail = branded.email(Message.Kind.RESET_CODE, "alice@example.org", Locale.ENGLISH, "12345678", 5);

        assertThat(mail.body()).endsWith("\n\n-- \nAcme & Sons");
        assertThat(mail.html())
                .contains("border-top:4px solid #123456;")
                .contains("color:#123456;\">Acme &amp; Sons</p>")
                .contains("Acme &amp; Sons<br>");
    }

    @Test
    void aMailWithHtmlIsMultipartAlternativeWithThePlainTextFirst() throws Exception {
        Message mail = texts.email(Message.Kind.REGISTRATION_CODE, "carol@example.org", DUTCH, "87654321", 5);
        MimeMessage mime = new MimeMessage(Session.getInstance(new Properties()));
        MimeMessages.fill(mime, "OpenSSPR <sspr@example.org>", mail);
        mime.saveChanges();

        assertThat(mime.isMimeType("multipart/alternative")).isTrue();
        assertThat(mime.getHeader(Message.KIND_HEADER, null)).isEqualTo("registration-code");
        assertThat(mime.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        Multipart parts = (Multipart) mime.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(parts.getBodyPart(0).getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat(parts.getBodyPart(0).getContent().toString()).isEqualTo(mail.body());
        assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
        assertThat(parts.getBodyPart(1).getContent().toString()).isEqualTo(mail.html());
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        mime.writeTo(raw);
        assertThat(raw.toString(StandardCharsets.UTF_8))
                .as("a script reading the raw mail finds the code as before")
                .contains("code is 87654321");
    }

    @Test
    void aMailWithoutHtmlStaysPlainText() throws Exception {
        MimeMessage mime = new MimeMessage(Session.getInstance(new Properties()));
        MimeMessages.fill(
                mime,
                "sspr@example.org",
                Message.email(Message.Kind.RESET_NOTICE, "a@example.org", "s", "queued before"));
        mime.saveChanges();
        assertThat(mime.isMimeType("text/plain")).isTrue();
        assertThat(mime.getContent()).isEqualTo("queued before");
    }
}
