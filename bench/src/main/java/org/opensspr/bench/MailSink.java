package org.opensspr.bench;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SMTP server the load run's server delivers to: GreenMail's SMTP listener on 127.0.0.1,
 * with a delivery handler of our own that stores nothing in GreenMail. Each delivered
 * {@code X-OpenSSPR-Message: reset-code} mail has its 8-digit code put in a queue per recipient;
 * {@link #awaitCode} takes from that queue, so a lookup costs O(1) however many mails arrived, and
 * a code is dropped once taken. Other kinds (reset-notice, ...) are counted and dropped. At most
 * {@value #MAX_WAITING} codes are held at once (codes nobody waits for any more, after a timeout);
 * past that new ones are dropped and counted.
 */
final class MailSink implements AutoCloseable {

    static final String KIND_HEADER = "X-OpenSSPR-Message";
    static final int MAX_WAITING = 100_000;
    private static final Pattern CODE = Pattern.compile("code is ([0-9]{8})");

    private final GreenMail greenMail;
    private final Map<String, BlockingQueue<String>> codes = new ConcurrentHashMap<>();
    private final AtomicLong held = new AtomicLong();
    private final Map<String, LongAdder> delivered = new ConcurrentHashMap<>();
    private final LongAdder dropped = new LongAdder();
    private final Queue<Delivery> log;

    /**
     * One delivered mail as {@link #deliveries} keeps it: its recipient (lower case), kind, code
     * (reset codes; else null) and {@code Message-ID}.
     */
    record Delivery(String recipient, String kind, String code, String messageId) {}

    private MailSink(GreenMail greenMail, boolean keepLog) {
        this.greenMail = greenMail;
        this.log = keepLog ? new ConcurrentLinkedQueue<>() : null;
    }

    /** Starts the sink on {@code port} of 127.0.0.1. */
    static MailSink start(int port) {
        return start(port, false);
    }

    /**
     * Starts the sink on {@code port} of 127.0.0.1; with {@code keepLog} it also keeps a
     * {@link Delivery} per mail, so a test can count each recipient's mails (a load run does not:
     * it would grow without end).
     */
    static MailSink start(int port, boolean keepLog) {
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        MailSink sink = new MailSink(greenMail, keepLog);
        greenMail.getManagers().getUserManager().setMessageDeliveryHandler(sink::deliver);
        return sink;
    }

    int port() {
        return greenMail.getSmtp().getPort();
    }

    private GreenMailUser deliver(MovingMessage message, MailAddress to) throws MessagingException {
        accept(to.getEmail(), message.getMessage());
        return Discard.INSTANCE;
    }

    /** The mail's plain text: the whole body, or its {@code text/plain} part (the server sends HTML beside it). */
    private static String plainText(MimeMessage mime) throws MessagingException, IOException {
        Object content = mime.getContent();
        if (content instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                if (parts.getBodyPart(i).isMimeType("text/plain")) {
                    return String.valueOf(parts.getBodyPart(i).getContent());
                }
            }
            return "";
        }
        return String.valueOf(content);
    }

    /** Files one delivered mail: the delivery handler's work (the tests call it directly). */
    void accept(String recipient, MimeMessage mime) throws MessagingException {
        String kind = mime.getHeader(KIND_HEADER, null);
        kind = kind == null ? "none" : kind.strip();
        delivered.computeIfAbsent(kind, k -> new LongAdder()).increment();
        if (!"reset-code".equals(kind)) {
            if (log != null) {
                log.add(new Delivery(key(recipient), kind, null, mime.getMessageID()));
            }
            return;
        }
        String body;
        try {
            body = plainText(mime);
        } catch (IOException e) {
            throw new MessagingException("cannot read the body", e);
        }
        Matcher m = CODE.matcher(body);
        if (log != null) {
            log.add(new Delivery(key(recipient), kind, m.find() ? m.group(1) : null, mime.getMessageID()));
            m.reset();
        }
        if (!m.find()) {
            delivered
                    .computeIfAbsent("reset-code-without-code", k -> new LongAdder())
                    .increment();
            return;
        }
        offer(recipient, m.group(1));
    }

    void offer(String recipient, String code) {
        if (held.incrementAndGet() > MAX_WAITING) {
            held.decrementAndGet();
            dropped.increment();
            return;
        }
        codes.compute(key(recipient), (k, queue) -> {
            BlockingQueue<String> q = queue == null ? new LinkedBlockingQueue<>() : queue;
            q.add(code);
            return q;
        });
    }

    /** Drops the codes waiting for {@code recipient}: before a new challenge, so a late code of an old flow is not taken. */
    void forget(String recipient) {
        BlockingQueue<String> queue = codes.remove(key(recipient));
        if (queue != null) {
            held.addAndGet(-queue.size());
        }
    }

    /**
     * The next reset code mailed to {@code recipient}, waiting up to {@code timeout}.
     *
     * @throws Failure {@code mail-timeout} when none came in time
     */
    String awaitCode(String recipient, Duration timeout) throws Failure {
        String key = key(recipient);
        BlockingQueue<String> queue = codes.computeIfAbsent(key, k -> new LinkedBlockingQueue<>());
        try {
            String code = queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (code == null) {
                throw new Failure("mail-timeout", "no reset-code mail to " + recipient + " within " + timeout);
            }
            held.decrementAndGet();
            return code;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted", "interrupted");
        } finally {
            codes.computeIfPresent(key, (k, q) -> q == queue && q.isEmpty() ? null : q);
        }
    }

    /** Mails delivered so far, by kind. */
    Map<String, Long> delivered() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        delivered.forEach((k, v) -> counts.put(k, v.sum()));
        if (dropped.sum() > 0) {
            counts.put("dropped-codes", dropped.sum());
        }
        return counts;
    }

    /** Every mail delivered so far, in order of delivery; empty unless started with {@code keepLog}. */
    List<Delivery> deliveries() {
        return log == null ? List.of() : List.copyOf(log);
    }

    long held() {
        return held.get();
    }

    private static String key(String recipient) {
        return recipient.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    /** The mailbox every message is "delivered" to: it keeps nothing. */
    private enum Discard implements GreenMailUser {
        INSTANCE;

        @Override
        public String getEmail() {
            return "discard@localhost";
        }

        @Override
        public String getLogin() {
            return "discard";
        }

        @Override
        public void deliver(MovingMessage msg) {}

        @Override
        public void deliver(MimeMessage msg) {}

        @Override
        public void create() {}

        @Override
        public void delete() {}

        @Override
        public String getPassword() {
            return "";
        }

        @Override
        public void setPassword(String password) {}

        @Override
        public void authenticate(String password) {}

        @Override
        public String getQualifiedMailboxName() {
            return "discard";
        }
    }
}
