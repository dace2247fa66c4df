package org.opensspr.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/**
 * Builds the one kind of email OpenSSPR sends: plain UTF-8 text, marked as automatic (RFC 3834
 * {@code Auto-Submitted}, so vacation responders stay quiet) and with the message's kind in
 * {@value Message#KIND_HEADER}.
 */
final class MimeMessages {

    private MimeMessages() {}

    static void fill(MimeMessage mime, String from, Message message) throws MessagingException {
        mime.setFrom(new InternetAddress(from));
        mime.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(message.recipient()));
        mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
        mime.setText(message.body(), StandardCharsets.UTF_8.name());
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
