package org.opensspr.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MailSinkTests {

    private MailSink sink;
    private Session session;

    @BeforeEach
    void start() throws Exception {
        sink = MailSink.start(ServerProcess.freePort());
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(sink.port()));
        session = Session.getInstance(props);
    }

    @AfterEach
    void stop() {
        sink.close();
    }

    @Test
    void aResetCodeMailIsTakenByItsRecipientOnce() throws Exception {
        send("user00001@example.org", "reset-code", "Your verification code is 12345678.\n\nIt expires in 5 minutes.");
        send("user00002@example.org", "reset-code", "Your verification code is 87654321.");
        assertThat(sink.awaitCode("USER00002@example.org", Duration.ofSeconds(5)))
                .isEqualTo("87654321");
        assertThat(sink.awaitCode("user00001@example.org", Duration.ofSeconds(5)))
                .isEqualTo("12345678");
        assertThat(sink.held()).isZero();
        assertThatThrownBy(() -> sink.awaitCode("user00001@example.org", Duration.ofMillis(50)))
                .isInstanceOfSatisfying(Failure.class, f -> assertThat(f.kind()).isEqualTo("mail-timeout"));
    }

    @Test
    void theCodeIsReadFromThePlainPartOfAMailThatAlsoHasHtml() throws Exception {
        MimeMessage mime = new MimeMessage(session);
        mime.setFrom(new InternetAddress("no-reply@localhost"));
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress("user00006@example.org"));
        mime.setSubject("test", StandardCharsets.UTF_8.name());
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Your verification code is 24682468.", StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setText(
                "<p>Your verification code is <strong>24682468</strong>.</p>", StandardCharsets.UTF_8.name(), "html");
        mime.setContent(new MimeMultipart("alternative", text, html));
        mime.setHeader(MailSink.KIND_HEADER, "reset-code");
        Transport.send(mime);
        assertThat(sink.awaitCode("user00006@example.org", Duration.ofSeconds(5)))
                .isEqualTo("24682468");
    }

    @Test
    void otherKindsAreCountedAndDropped() throws Exception {
        send("user00003@example.org", "reset-notice", "Your password was reset. Your code is 11112222 (not really).");
        send("user00003@example.org", "reset-code", "Your verification code is 33334444.");
        assertThat(sink.awaitCode("user00003@example.org", Duration.ofSeconds(5)))
                .isEqualTo("33334444");
        assertThat(sink.delivered()).containsEntry("reset-notice", 1L).containsEntry("reset-code", 1L);
    }

    @Test
    void forgetDropsALateCodeOfAnEarlierFlow() throws Exception {
        send("user00004@example.org", "reset-code", "Your verification code is 55556666.");
        waitUntilHeld(1);
        sink.forget("user00004@example.org");
        assertThat(sink.held()).isZero();
        send("user00004@example.org", "reset-code", "Your verification code is 77778888.");
        assertThat(sink.awaitCode("user00004@example.org", Duration.ofSeconds(5)))
                .isEqualTo("77778888");
    }

    @Test
    void aSinkThatKeepsItsLogHasEachMailWithItsKindCodeAndMessageId() throws Exception {
        try (MailSink logging = MailSink.start(ServerProcess.freePort(), true)) {
            Properties props = new Properties();
            props.put("mail.smtp.host", "127.0.0.1");
            props.put("mail.smtp.port", Integer.toString(logging.port()));
            Session other = Session.getInstance(props);
            send(other, "User00005@example.org", "reset-code", "Your verification code is 12121212.");
            send(other, "user00005@example.org", "reset-notice", "Your password was reset.");
            long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (logging.deliveries().size() < 2 && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertThat(logging.deliveries())
                    .extracting(MailSink.Delivery::recipient, MailSink.Delivery::kind, MailSink.Delivery::code)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("user00005@example.org", "reset-code", "12121212"),
                            org.assertj.core.groups.Tuple.tuple("user00005@example.org", "reset-notice", null));
            assertThat(logging.deliveries())
                    .allSatisfy(d -> assertThat(d.messageId()).isNotBlank());
            assertThat(logging.awaitCode("user00005@example.org", Duration.ofSeconds(5)))
                    .isEqualTo("12121212");
        }
        assertThat(sink.deliveries()).as("a load run's sink keeps no log").isEmpty();
    }

    private void waitUntilHeld(long count) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (sink.held() < count && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertThat(sink.held()).isEqualTo(count);
    }

    private void send(String to, String kind, String body) throws Exception {
        send(session, to, kind, body);
    }

    private static void send(Session session, String to, String kind, String body) throws Exception {
        MimeMessage mime = new MimeMessage(session);
        mime.setFrom(new InternetAddress("no-reply@localhost"));
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        mime.setSubject("test", StandardCharsets.UTF_8.name());
        mime.setText(body, StandardCharsets.UTF_8.name());
        mime.setHeader(MailSink.KIND_HEADER, kind);
        Transport.send(mime);
    }
}
