package org.opensspr.notify;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Properties;

/**
 * Writes messages to the outbox folder instead of sending them: email as {@code .eml} (RFC 5322,
 * opens in any mail client), SMS as {@code .sms.txt} ({@code To:} and {@code Kind:} lines, an empty
 * line, the text). For evaluation and tests, when no SMTP
 * server or SMS gateway is configured. Each file appears whole (written aside, then moved).
 */
final class FolderDelivery implements Delivery {

    private final Path folder;
    private final String from;
    private final Session session = Session.getInstance(new Properties());

    FolderDelivery(Path folder, String from) {
        this.folder = folder;
        this.from = from;
    }

    @Override
    public void deliver(long id, Message message) throws Exception {
        String base = String.format(Locale.ROOT, "%013d-%06d", System.currentTimeMillis(), id);
        Path tmp = folder.resolve("." + base + ".tmp");
        Path target;
        if (message.channel() == Message.Channel.EMAIL) {
            MimeMessage mime = new MimeMessage(session);
            MimeMessages.fill(mime, from, message);
            try (OutputStream out = Files.newOutputStream(tmp)) {
                mime.writeTo(out);
            }
            target = folder.resolve(base + ".eml");
        } else {
            String kind =
                    message.kind() == null ? "" : "Kind: " + message.kind().id() + "\n";
            Files.writeString(
                    tmp,
                    "To: " + message.recipient() + "\n" + kind + "\n" + message.body() + "\n",
                    StandardCharsets.UTF_8);
            target = folder.resolve(base + ".sms.txt");
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public String describe() {
        return "the outbox folder " + folder;
    }
}
