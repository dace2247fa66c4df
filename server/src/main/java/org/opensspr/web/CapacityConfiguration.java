package org.opensspr.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts {@link RequestSizeLimit} and {@link AdmissionControl} in front of everything else, Spring Security included. */
@Configuration(proxyBeanMethods = false)
class CapacityConfiguration {

    /** Before admission control: an oversized request does not take a turn. */
    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(CapacityProperties capacity, ProblemResponses problems) {
        FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(
                new RequestSizeLimit(capacity.maxRequestSize().toBytes(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<AdmissionControl> admissionControl(CapacityProperties capacity, ProblemResponses problems) {
        FilterRegistrationBean<AdmissionControl> registration =
                new FilterRegistrationBean<>(new AdmissionControl(capacity, problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
