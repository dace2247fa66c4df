package org.opensspr.web;

import org.springframework.boot.web.server.AbstractConfigurableWebServerFactory;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * With TLS on ({@code server.ssl.*}): TLS 1.3 and 1.2 only, and only AEAD suites with forward
 * secrecy (no CBC, no SHA-1 MAC, no static RSA key exchange), the TLS 1.2 ones of Mozilla's
 * "intermediate" profile. Java 17's defaults also offer CBC-SHA1 and static-RSA suites. An
 * operator's own {@code server.ssl.enabled-protocols} or {@code server.ssl.ciphers} wins. Not set as
 * properties because any {@code server.ssl.*} property turns TLS on.
 */
@Component
class TlsDefaults implements WebServerFactoryCustomizer<ConfigurableWebServerFactory> {

    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    static final String[] SUITES = {
        "TLS_AES_128_GCM_SHA256",
        "TLS_AES_256_GCM_SHA384",
        "TLS_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"
    };

    @Override
    public void customize(ConfigurableWebServerFactory factory) {
        if (factory instanceof AbstractConfigurableWebServerFactory configurable
                && Ssl.isEnabled(configurable.getSsl())) {
            Ssl ssl = configurable.getSsl();
            if (ssl.getEnabledProtocols() == null) {
                ssl.setEnabledProtocols(PROTOCOLS.clone());
            }
            if (ssl.getCiphers() == null) {
                ssl.setCiphers(SUITES.clone());
            }
        }
    }
}
