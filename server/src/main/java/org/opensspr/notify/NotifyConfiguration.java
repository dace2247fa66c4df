package org.opensspr.notify;

import java.time.Clock;

import org.opensspr.secrets.SecretBox;
import org.opensspr.system.DataDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import tools.jackson.databind.ObjectMapper;

/** SMTP when {@code spring.mail.host} is set, else the outbox folder; SMS to the outbox folder until a gateway is configured. */
@Configuration(proxyBeanMethods = false)
class NotifyConfiguration {

    @Bean
    OutboxDispatcher outboxDispatcher(JdbcClient jdbc, SecretBox box, ObjectMapper json, Clock clock, DataDirectory dataDirectory,
                                      ObjectProvider<JavaMailSender> mailSender,
                                      @Value("${sspr.mail.from:OpenSSPR <no-reply@localhost>}") String from,
                                      @Value("${spring.mail.host:}") String smtpHost) {
        Delivery folder = new FolderDelivery(dataDirectory.folder("outbox"), from);
        JavaMailSender sender = mailSender.getIfAvailable();
        Delivery email = sender == null || smtpHost.isBlank() ? folder : new SmtpDelivery(sender, from, smtpHost);
        return new OutboxDispatcher(jdbc, box, json, clock, email, folder);
    }
}
