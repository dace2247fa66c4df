package org.opensspr.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Mail in batches over one SMTP connection (GreenMail), with each message's failure its own. */
class SmtpDeliveryTests {

    private static final String FROM = "OpenSSPR <sspr@example.org>";

    private GreenMail smtp;

    @BeforeEach
    void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    private static Map<Long, Message> mails(String... recipients) {
        Map<Long, Message> mails = new LinkedHashMap<>();
        long id = 1;
        for (String recipient : recipients) {
            mails.put(id++, Message.email(Message.Kind.RESET_NOTICE, recipient, "Notice", "Your password was reset."));
        }
        return mails;
    }

    @Test
    void aBatchGoesOverOneConnection() {
        AtomicInteger connections = new AtomicInteger();
        JavaMailSenderImpl sender = new JavaMailSenderImpl() {
            @Override
            protected Transport connectTransport() throws MessagingException {
                connections.incrementAndGet();
                return super.connectTransport();
            }
        };
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());

        Map<Long, Exception> failed = new SmtpDelivery(sender, FROM, "127.0.0.1")
                .deliverAll(mails("alice@example.org", "bob@example.org", "carol@example.org"));

        assertThat(failed).isEmpty();
        assertThat(connections).hasValue(1);
        assertThat(smtp.getReceivedMessages()).hasSize(3);
    }

    @Test
    void aBurstIsSpreadOverSeveralConnectionsAtOnce() {
        AtomicInteger connections = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch allStarted = new CountDownLatch(3);
        JavaMailSenderImpl sender = new JavaMailSenderImpl() {
            @Override
            protected void doSend(MimeMessage[] messages, Object[] originals) {
                connections.incrementAndGet();
                mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                allStarted.countDown();
                try {
                    // Sent one after the other, the first would wait here in vain and see only itself.
                    allStarted.await(10, TimeUnit.SECONDS);
                    super.doSend(messages, originals);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    inFlight.decrementAndGet();
                }
            }
        };
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            String[] recipients = new String[12];
            for (int i = 0; i < recipients.length; i++) {
                recipients[i] = "user" + i + "@example.org";
            }

            Map<Long, Exception> failed =
                    new SmtpDelivery(sender, FROM, "127.0.0.1", 4, threads).deliverAll(mails(recipients));

            assertThat(failed).isEmpty();
            assertThat(connections).as("12 messages, at least 4 per connection").hasValue(3);
            assertThat(mostAtOnce).hasValue(3);
            assertThat(smtp.getReceivedMessages()).hasSize(12);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void onlyTheMessageTheServerRefusedIsReportedFailed() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl() {
            @Override
            protected void doSend(MimeMessage[] messages, Object[] originals) {
                // What Spring's sender does when the server refuses one message and takes the others.
                MessagingException refused = new MessagingException("550 mailbox unavailable");
                throw new MailSendException(Map.of(messages[1], refused));
            }
        };

        Map<Long, Exception> failed = new SmtpDelivery(sender, FROM, "127.0.0.1")
                .deliverAll(mails("alice@example.org", "gone@example.org", "carol@example.org"));

        assertThat(failed).containsOnlyKeys(2L);
        assertThat(failed.get(2L)).hasMessage("550 mailbox unavailable");
    }

    @Test
    void aServerThatCannotBeReachedFailsTheWholeBatch() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(closed);

        Map<Long, Exception> failed =
                new SmtpDelivery(sender, FROM, "127.0.0.1").deliverAll(mails("alice@example.org", "bob@example.org"));

        assertThat(failed).containsOnlyKeys(1L, 2L);
        assertThat(failed.get(1L)).isInstanceOf(MessagingException.class);
    }

    @Test
    void anAddressThatDoesNotParseFailsOnlyItsMessage() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());

        Map<Long, Exception> failed = new SmtpDelivery(sender, FROM, "127.0.0.1")
                .deliverAll(mails("alice@example.org", "alice@@example.org"));

        assertThat(failed).containsOnlyKeys(2L);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }
}
