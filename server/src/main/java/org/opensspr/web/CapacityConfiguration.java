package org.opensspr.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts {@link AdmissionControl} in front of everything else, Spring Security included. */
@Configuration(proxyBeanMethods = false)
class CapacityConfiguration {

    @Bean
    FilterRegistrationBean<AdmissionControl> admissionControl(CapacityProperties capacity) {
        FilterRegistrationBean<AdmissionControl> registration =
                new FilterRegistrationBean<>(new AdmissionControl(capacity));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
