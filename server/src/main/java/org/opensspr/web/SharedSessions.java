package org.opensspr.web;

import java.security.SecureRandom;
import java.util.Base64;
import org.opensspr.secrets.SecretBox;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Portal sessions live in the database (Spring Session JDBC, tables {@code spring_session} and
 * {@code spring_session_attributes}), not in one node's memory: a browser that the balancer sends
 * to another node, or back to a node that restarted, goes on with its sign-in, its reset in
 * progress and its step-up proof. A session holds bearer values (the reset's flow id, the step-up
 * proof, the CSRF token), so each attribute is sealed (AES-256-GCM, {@link SecretBox}) after Java
 * serialization: a database dump gives none of them away, and a row written by anyone without the
 * master key is refused before it is deserialized. Session ids are 256 random bits
 * (base64url), more than the 128 bits ASVS 7.2.3 asks and more than Spring Session's UUIDs.
 */
@Configuration(proxyBeanMethods = false)
class SharedSessions {

    static final String PURPOSE = "portal-session-attribute";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Before the session filter, so that a session the database cannot load or save is a 503, not a 500. */
    @Bean
    FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(
            ProblemResponses problems, MessageSource messages, LocaleResolver locales) {
        FilterRegistrationBean<DatabaseOutageFilter> registration =
                new FilterRegistrationBean<>(new DatabaseOutageFilter(problems, messages, locales));
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return registration;
    }

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sealedSessionAttributes(SecretBox box) {
        GenericConversionService conversions = conversions(box, SharedSessions.class.getClassLoader());
        return repository -> {
            repository.setConversionService(conversions);
            repository.setSessionIdGenerator(SharedSessions::newId);
        };
    }

    static GenericConversionService conversions(SecretBox box, ClassLoader classLoader) {
        SerializingConverter serialize = new SerializingConverter();
        DeserializingConverter deserialize = new DeserializingConverter(classLoader);
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, value -> box.seal(serialize.convert(value), PURPOSE));
        conversions.addConverter(byte[].class, Object.class, bytes -> deserialize.convert(box.open(bytes, PURPOSE)));
        return conversions;
    }

    static String newId() {
        byte[] id = new byte[32];
        RANDOM.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }
}
