package org.opensspr.enrollment;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plain building blocks of registration, as beans. */
@Configuration(proxyBeanMethods = false)
class EnrollmentConfiguration {

    @Bean
    Totp totp(Clock clock) {
        return new Totp(clock);
    }

    @Bean
    QuestionCatalog questionCatalog() {
        return new QuestionCatalog();
    }
}
