package org.opensspr.notify;

import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Email through the SMTP server of {@code spring.mail.*}. */
final class SmtpDelivery implements Delivery {

    private final JavaMailSender sender;
    private final String from;
    private final String server;

    SmtpDelivery(JavaMailSender sender, String from, String server) {
        this.sender = sender;
        this.from = from;
        this.server = server;
    }

    @Override
    public void deliver(long id, Message message) throws Exception {
        MimeMessage mime = sender.createMimeMessage();
        MimeMessages.fill(mime, from, message);
        sender.send(mime);
    }

    @Override
    public String describe() {
        return "SMTP server " + server;
    }
}
