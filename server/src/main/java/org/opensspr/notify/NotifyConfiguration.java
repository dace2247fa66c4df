package org.opensspr.notify;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.opensspr.secrets.SecretBox;
import org.opensspr.system.DataDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.ObjectMapper;

/**
 * Email through SMTP when {@code spring.mail.host} is set, else to the outbox folder; SMS through the
 * HTTP gateway when {@code sspr.sms.gateway-url} is set, else to the outbox folder. The dispatcher runs
 * on the {@link OutboxWorker}'s thread; {@code outbox} in {@code /actuator/health} and the
 * {@code sspr.outbox.*} meters show how delivery goes.
 */
@Configuration(proxyBeanMethods = false)
class NotifyConfiguration {

    @Bean
    OutboxMetrics outboxMetrics(MeterRegistry registry) {
        return new OutboxMetrics(registry);
    }

    @Bean
    OutboxDispatcher outboxDispatcher(
            JdbcClient jdbc,
            SecretBox box,
            ObjectMapper json,
            Clock clock,
            DataDirectory dataDirectory,
            ObjectProvider<JavaMailSender> mailSender,
            @Value("${sspr.mail.from:OpenSSPR <no-reply@localhost>}") String from,
            @Value("${spring.mail.host:}") String smtpHost,
            SmsGatewayProperties smsGateway,
            OutboxMetrics metrics,
            TransactionOperations transactions,
            NotifyProperties properties,
            SmtpConnections smtpConnections) {
        Delivery folder = new FolderDelivery(dataDirectory.folder("outbox"), from);
        JavaMailSender sender = mailSender.getIfAvailable();
        Delivery email = sender == null || smtpHost.isBlank()
                ? folder
                : new SmtpDelivery(sender, from, smtpHost, properties.smtpConnections(), smtpConnections.executor());
        Delivery sms = smsGateway.gatewayUrl() == null ? folder : new SmsGatewayDelivery(smsGateway);
        return new OutboxDispatcher(jdbc, box, json, clock, email, sms, metrics, transactions);
    }

    @Bean
    SmtpConnections smtpConnections(NotifyProperties properties) {
        return new SmtpConnections(properties.smtpConnections());
    }

    @Bean
    OutboxWorker outboxWorker(OutboxDispatcher dispatcher, NotifyProperties properties) {
        return new OutboxWorker(dispatcher, properties.pollMillis());
    }

    @Bean
    OutboxHealthIndicator outboxHealthIndicator(JdbcClient jdbc, Clock clock, OutboxMetrics metrics) {
        OutboxHealthIndicator health = new OutboxHealthIndicator(jdbc, clock);
        metrics.gauges(health::backlog);
        return health;
    }
}
