package org.opensspr.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/**
 * Builds the one kind of email OpenSSPR sends: UTF-8, plain text and, when the message has one, the
 * same as HTML ({@code multipart/alternative}, plain text first, so a client that shows no HTML and
 * anyone reading the raw mail find the text), marked as automatic (RFC 3834 {@code Auto-Submitted},
 * so vacation responders stay quiet) and with the message's kind in {@value Message#KIND_HEADER}.
 */
final class MimeMessages {

    private MimeMessages() {}

    static void fill(MimeMessage mime, String from, Message message) throws MessagingException {
        mime.setFrom(new InternetAddress(from));
        mime.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(message.recipient()));
        mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
        if (message.html() == null) {
            mime.setText(message.body(), StandardCharsets.UTF_8.name());
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(message.body(), StandardCharsets.UTF_8.name());
            MimeBodyPart html = new MimeBodyPart();
            html.setText(message.html(), StandardCharsets.UTF_8.name(), "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            mime.setContent(alternative);
        }
        // Jakarta Mail's Date header takes a java.util.Date; there is no java.time overload.
        @SuppressWarnings("JavaUtilDate")
        Date now = new Date();
        mime.setSentDate(now);
        mime.setHeader("Auto-Submitted", "auto-generated");
        if (message.kind() != null) {
            mime.setHeader(Message.KIND_HEADER, message.kind().id());
        }
    }
}
