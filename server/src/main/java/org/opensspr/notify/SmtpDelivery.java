package org.opensspr.notify;

import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Email through the SMTP server of {@code spring.mail.*}. A batch goes over one connection
 * ({@link JavaMailSender#send(MimeMessage...)}), so a burst costs one TCP, TLS and SMTP handshake
 * instead of one per mail. A failure is told apart per message: Spring's sender goes on after a
 * message the server refuses, reconnects when the connection dropped, and reports in
 * {@link MailSendException#getFailedMessages()} exactly the messages it did not send (all the rest
 * when it cannot connect); only those are retried. A failure that names no message (a sign-in
 * refused, an error while closing the connection) counts for the whole batch: sent again rather than
 * lost.
 */
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
    public Map<Long, Exception> deliverAll(Map<Long, Message> messages) {
        Map<Long, Exception> failed = new LinkedHashMap<>();
        IdentityHashMap<MimeMessage, Long> ids = new IdentityHashMap<>();
        List<MimeMessage> batch = new ArrayList<>(messages.size());
        for (Map.Entry<Long, Message> message : messages.entrySet()) {
            try {
                MimeMessage mime = sender.createMimeMessage();
                MimeMessages.fill(mime, from, message.getValue());
                ids.put(mime, message.getKey());
                batch.add(mime);
            } catch (Exception e) {
                failed.put(message.getKey(), e); // e.g. an address that does not parse
            }
        }
        if (batch.isEmpty()) {
            return failed;
        }
        try {
            sender.send(batch.toArray(new MimeMessage[0]));
        } catch (MailSendException e) {
            Map<Object, Exception> refused = e.getFailedMessages();
            if (refused.isEmpty()) {
                batch.forEach(mime -> failed.put(ids.get(mime), e));
            }
            for (Map.Entry<Object, Exception> one : refused.entrySet()) {
                Long id = one.getKey() instanceof MimeMessage mime ? ids.get(mime) : null;
                if (id == null) {
                    // Not one of ours (cannot happen with this sender): count the whole batch as failed.
                    batch.forEach(mime -> failed.putIfAbsent(ids.get(mime), e));
                } else {
                    failed.put(id, one.getValue());
                }
            }
        } catch (RuntimeException e) {
            batch.forEach(mime -> failed.put(ids.get(mime), e));
        }
        return failed;
    }

    @Override
    public String describe() {
        return "SMTP server " + server;
    }
}
