package org.opensspr.notify;

import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Email through the SMTP server of {@code spring.mail.*}. A batch goes over few connections
 * ({@link JavaMailSender#send(MimeMessage...)} per connection), so a burst costs a handful of TCP,
 * TLS and SMTP handshakes instead of one per mail: up to {@code connections} at once, each carrying
 * at least {@value #MIN_PER_CONNECTION} messages (a small batch uses one). SMTP answers each command
 * before the next, four round trips per message; spreading a burst over parallel connections keeps
 * the wait for a code from growing with the number of users resetting at once.
 *
 * <p>A failure is told apart per message: Spring's sender goes on after a message the server
 * refuses, reconnects when the connection dropped, and reports in
 * {@link MailSendException#getFailedMessages()} exactly the messages it did not send (all the rest
 * when it cannot connect); only those are retried. A failure that names no message (a sign-in
 * refused, an error while closing the connection) counts for all the messages of that connection:
 * sent again rather than lost.
 */
final class SmtpDelivery implements Delivery {

    static final int MIN_PER_CONNECTION = 4;

    private final JavaMailSender sender;
    private final String from;
    private final String server;
    private final int connections;
    private final Executor executor;

    /** One connection per batch. */
    SmtpDelivery(JavaMailSender sender, String from, String server) {
        this(sender, from, server, 1, Runnable::run);
    }

    /**
     * @param connections how many connections a batch may use at once (1 or more)
     * @param executor runs all but the first connection of a batch (the caller's thread runs that one)
     */
    SmtpDelivery(JavaMailSender sender, String from, String server, int connections, Executor executor) {
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be at least 1, got " + connections);
        }
        this.sender = sender;
        this.from = from;
        this.server = server;
        this.connections = connections;
        this.executor = executor;
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
        List<List<MimeMessage>> chunks = chunks(batch);
        List<CompletableFuture<Map<Long, Exception>>> others = new ArrayList<>();
        for (List<MimeMessage> chunk : chunks.subList(Math.min(1, chunks.size()), chunks.size())) {
            try {
                others.add(CompletableFuture.supplyAsync(() -> send(chunk, ids), executor));
            } catch (RejectedExecutionException e) {
                others.add(CompletableFuture.completedFuture(send(chunk, ids)));
            }
        }
        if (!chunks.isEmpty()) {
            failed.putAll(send(chunks.get(0), ids));
        }
        for (CompletableFuture<Map<Long, Exception>> other : others) {
            failed.putAll(other.join()); // send() reports failures, it does not throw
        }
        return failed;
    }

    /** The batch cut into at most {@code connections} runs of at least {@value #MIN_PER_CONNECTION}. */
    private List<List<MimeMessage>> chunks(List<MimeMessage> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        int size = Math.max(MIN_PER_CONNECTION, (batch.size() + connections - 1) / connections);
        List<List<MimeMessage>> chunks = new ArrayList<>();
        for (int i = 0; i < batch.size(); i += size) {
            chunks.add(batch.subList(i, Math.min(batch.size(), i + size)));
        }
        return chunks;
    }

    /** Sends one run over one connection; the failed messages by id. */
    private Map<Long, Exception> send(List<MimeMessage> chunk, IdentityHashMap<MimeMessage, Long> ids) {
        Map<Long, Exception> failed = new LinkedHashMap<>();
        try {
            sender.send(chunk.toArray(new MimeMessage[0]));
        } catch (MailSendException e) {
            Map<Object, Exception> refused = e.getFailedMessages();
            if (refused.isEmpty()) {
                chunk.forEach(mime -> failed.put(ids.get(mime), e));
            }
            for (Map.Entry<Object, Exception> one : refused.entrySet()) {
                Long id = one.getKey() instanceof MimeMessage mime ? ids.get(mime) : null;
                if (id == null) {
                    // Not one of ours (cannot happen with this sender): count the whole run as failed.
                    chunk.forEach(mime -> failed.putIfAbsent(ids.get(mime), e));
                } else {
                    failed.put(id, one.getValue());
                }
            }
        } catch (RuntimeException e) {
            chunk.forEach(mime -> failed.put(ids.get(mime), e));
        }
        return failed;
    }

    @Override
    public String describe() {
        return "SMTP server " + server;
    }
}
