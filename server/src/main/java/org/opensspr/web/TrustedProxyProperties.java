package org.opensspr.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sspr.trusted-proxy}: the addresses and CIDR ranges of the reverse proxies in front of this
 * server, comma-separated ({@code 10.0.0.5, 10.0.1.0/24, 2001:db8::/64}). Only a request whose TCP
 * peer is one of them has its {@code X-Forwarded-For} and {@code X-Forwarded-Proto} believed (see
 * {@link ForwardedClient}); unset, no forwarded header is believed. Setting it also tells {@link
 * ListenerSafetyCheck} that a TLS-terminating proxy is in front. A malformed entry refuses the start.
 */
@ConfigurationProperties("sspr")
public record TrustedProxyProperties(List<String> trustedProxy) {

    public TrustedProxyProperties {
        trustedProxy = trustedProxy == null ? List.of() : List.copyOf(trustedProxy);
        TrustedProxies.of(trustedProxy);
    }

    TrustedProxies proxies() {
        return TrustedProxies.of(trustedProxy);
    }
}
