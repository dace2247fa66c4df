package org.opensspr.web;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Installs {@link TrustedProxyValve} in the embedded Tomcat when {@code sspr.trusted-proxy} names any proxy. */
@Configuration(proxyBeanMethods = false)
class TrustedProxyConfiguration {

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> trustedProxyValve(
            TrustedProxyProperties properties) {
        TrustedProxies trusted = properties.proxies();
        return factory -> {
            if (!trusted.isEmpty()) {
                factory.addEngineValves(new TrustedProxyValve(trusted));
            }
        };
    }
}
