package org.opensspr;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/** Reads what the server sent: mail from the SMTP server (GreenMail), SMS from the outbox folder. */
public final class Mailbox {

    private static final Pattern CODE = Pattern.compile("code is ([0-9]{8})");

    private Mailbox() {
    }

    public static List<MimeMessage> mailTo(GreenMail smtp, String recipient) throws Exception {
        List<MimeMessage> matching = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            if (to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(recipient))) {
                matching.add(message);
            }
        }
        return matching;
    }

    /** The code in mail number {@code index} (0-based) to {@code recipient}, waiting up to 20 s for it. */
    public static String codeInMail(GreenMail smtp, String recipient, int index) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            List<MimeMessage> messages = mailTo(smtp, recipient);
            if (messages.size() > index) {
                return code(GreenMailUtil.getBody(messages.get(index)));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no mail " + (index + 1) + " to " + recipient + " within 20 s");
    }

    public static List<String> smsTo(Path outbox, String number) throws Exception {
        List<String> texts = new ArrayList<>();
        if (Files.isDirectory(outbox)) {
            try (Stream<Path> files = Files.list(outbox)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".sms.txt")).sorted().toList()) {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    if (text.startsWith("To: " + number + "\n")) {
                        texts.add(text);
                    }
                }
            }
        }
        return texts;
    }

    /** The code in SMS number {@code index} (0-based) to {@code number}, waiting up to 20 s for it. */
    public static String codeInSms(Path outbox, String number, int index) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> texts = smsTo(outbox, number);
            if (texts.size() > index) {
                return code(texts.get(index));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no SMS " + (index + 1) + " to " + number + " within 20 s");
    }

    private static String code(String text) {
        Matcher code = CODE.matcher(text);
        if (!code.find()) {
            throw new AssertionError("no code in: " + text);
        }
        return code.group(1);
    }
}
