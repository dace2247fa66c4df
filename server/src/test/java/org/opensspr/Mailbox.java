package org.opensspr;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.opensspr.notify.Message;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the server sent, where a user would find it: mail at the SMTP server (GreenMail), SMS in
 * the outbox folder. A test asks for the message it expects by recipient and {@link Message.Kind},
 * never for "the next one", and each message is taken once, so a notice from an earlier step
 * is never read as a code. {@link #clear()} before each test leaves only the test's own messages.
 *
 * <p>Messages are committed to the outbox with the request that caused them, so once
 * {@link #drain()} returns, everything a finished request sent has been delivered: "nothing was
 * sent" is asserted after a drain, never after a sleep.
 */
public final class Mailbox {

    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final Pattern CODE = Pattern.compile("code is ([0-9]{8})");

    private final GreenMail smtp;
    private final Path smsFolder;
    private final JdbcClient jdbc;
    private final Set<String> taken = new HashSet<>();

    /**
     * @param smtp the SMTP server the server under test sends mail to
     * @param smsFolder the outbox folder its SMS go to ({@code <data-dir>/outbox})
     * @param jdbc the server's database, whose {@code notification_outbox} is drained
     */
    public Mailbox(GreenMail smtp, Path smsFolder, JdbcClient jdbc) {
        this.smtp = smtp;
        this.smsFolder = smsFolder;
        this.jdbc = jdbc;
    }

    /** Waits until every queued message is delivered (parked ones excepted), up to 20 s. */
    public void drain() {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE next_attempt_at < :parked")
                        .param("parked", Long.MAX_VALUE)
                        .query(Integer.class)
                        .single()
                > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the outbox did not drain within " + DEADLINE.toSeconds() + " s: "
                        + jdbc.sql(
                                        "SELECT id, channel, attempts, next_attempt_at, claimed_until, last_error FROM notification_outbox")
                                .query()
                                .listOfRows());
            }
            pause();
        }
    }

    /** Drains the outbox, then forgets every message delivered so far: a test sees only its own. */
    public void clear() {
        drain();
        try {
            smtp.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException("cannot empty GreenMail's mailboxes", e);
        }
        for (Path file : smsFiles()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        taken.clear();
    }

    /** Waits for a mail of {@code kind} to {@code recipient} that no earlier call took, and takes it. */
    public MimeMessage awaitMail(String recipient, Message.Kind kind) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            for (MimeMessage mail : mailTo(recipient)) {
                if (kind.id().equals(header(mail, Message.KIND_HEADER)) && taken.add("mail:" + messageId(mail))) {
                    return mail;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + kind.id() + " mail to " + recipient + " within " + DEADLINE.toSeconds()
                        + " s; received: " + describe(mailTo(recipient)));
            }
            pause();
        }
    }

    /** The code in the next mail of {@code kind} to {@code recipient}, waiting for it. */
    public String awaitMailCode(String recipient, Message.Kind kind) {
        return code(awaitMail(recipient, kind));
    }

    /** The code in the next SMS of {@code kind} to {@code number} (E.164) that no earlier call took, waiting for it. */
    public String awaitSmsCode(String number, Message.Kind kind) {
        return code(awaitSms(number, kind));
    }

    /** The text of the next SMS of {@code kind} to {@code number} (E.164) that no earlier call took, waiting for it. */
    public String awaitSms(String number, Message.Kind kind) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        String head = "To: " + number + "\nKind: " + kind.id() + "\n\n";
        while (true) {
            for (Path file : smsFiles()) {
                Optional<String> text = read(file);
                if (text.isPresent() && text.get().startsWith(head) && taken.add("sms:" + file.getFileName())) {
                    return text.get().substring(head.length());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "no " + kind.id() + " SMS to " + number + " within " + DEADLINE.toSeconds() + " s");
            }
            pause();
        }
    }

    /** Every mail delivered to {@code recipient} since the last {@link #clear()}, after a {@link #drain()}. */
    public List<MimeMessage> delivered(String recipient) {
        drain();
        return mailTo(recipient);
    }

    /** How many messages, mail and SMS, were delivered since the last {@link #clear()}, after a {@link #drain()}. */
    public int deliveredCount() {
        drain();
        return smtp.getReceivedMessages().length + smsFiles().size();
    }

    private List<MimeMessage> mailTo(String recipient) {
        List<MimeMessage> matching = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                Address[] to = message.getRecipients(jakarta.mail.Message.RecipientType.TO);
                if (to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(recipient))) {
                    matching.add(message);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException("GreenMail holds an unreadable message", e);
            }
        }
        return matching;
    }

    private List<Path> smsFiles() {
        if (!Files.isDirectory(smsFolder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(smsFolder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".sms.txt"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (java.nio.file.NoSuchFileException gone) {
            return Optional.empty(); // cleared meanwhile
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String header(MimeMessage mail, String name) {
        try {
            return mail.getHeader(name, null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage mail) {
        try {
            return mail.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(List<MimeMessage> mails) {
        List<String> kinds = new ArrayList<>();
        for (MimeMessage mail : mails) {
            kinds.add(header(mail, Message.KIND_HEADER));
        }
        return kinds.toString();
    }

    /** {@code mail}'s plain text, decoded: the whole body, or its {@code text/plain} part. */
    public static String text(MimeMessage mail) {
        return part(mail, "text/plain");
    }

    /** {@code mail}'s HTML part, decoded; null for a mail of plain text only. */
    public static String html(MimeMessage mail) {
        return part(mail, "text/html");
    }

    private static String part(MimeMessage mail, String type) {
        try {
            if (mail.isMimeType(type)) {
                return mail.getContent().toString();
            }
            if (mail.getContent() instanceof Multipart parts) {
                for (int i = 0; i < parts.getCount(); i++) {
                    if (parts.getBodyPart(i).isMimeType(type)) {
                        return parts.getBodyPart(i).getContent().toString();
                    }
                }
            }
            return null;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The 8-digit code in {@code mail}'s plain text. */
    public static String code(MimeMessage mail) {
        return code(text(mail));
    }

    private static String code(String text) {
        if (text == null) {
            throw new AssertionError("the mail has no plain text");
        }
        Matcher code = CODE.matcher(text);
        if (!code.find()) {
            throw new AssertionError("no code in: " + text);
        }
        return code.group(1);
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for mail", e);
        }
    }
}
