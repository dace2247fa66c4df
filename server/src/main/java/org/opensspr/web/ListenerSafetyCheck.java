package org.opensspr.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a plain-HTTP listener off loopback: passwords and codes would cross the
 * network in clear. Off loopback either TLS ({@code server.ssl.*}, TLS 1.2+ only) or
 * {@code sspr.trusted-proxy} (a TLS-terminating proxy in front) is required. Also refuses Spring
 * Boot's {@code server.forward-headers-strategy} ({@code native} or {@code framework}): Tomcat's
 * RemoteIpValve believes {@code X-Forwarded-For} from every private address and the framework filter
 * from everyone, so any client on the network could forge its audit IP and escape the per-IP
 * limits; {@code sspr.trusted-proxy} does that job (see {@link TrustedProxyValve}).
 */
@Component
final class ListenerSafetyCheck implements InitializingBean {

    private final String address;
    private final boolean tls;
    private final String forwardHeadersStrategy;
    private final boolean trustedProxy;

    ListenerSafetyCheck(
            @Value("${server.address:}") String address,
            @Value("${server.ssl.enabled:false}") boolean sslEnabled,
            @Value("${server.ssl.bundle:}") String sslBundle,
            @Value("${server.ssl.key-store:}") String keyStore,
            @Value("${server.forward-headers-strategy:}") String forwardHeadersStrategy,
            TrustedProxyProperties trustedProxy) {
        this.address = address;
        this.tls = sslEnabled || !sslBundle.isBlank() || !keyStore.isBlank();
        this.forwardHeadersStrategy = forwardHeadersStrategy.strip().toLowerCase(Locale.ROOT);
        this.trustedProxy = !trustedProxy.proxies().isEmpty();
    }

    @Override
    public void afterPropertiesSet() throws UnknownHostException {
        if (!forwardHeadersStrategy.isEmpty() && !forwardHeadersStrategy.equals("none")) {
            throw new IllegalStateException("server.forward-headers-strategy=" + forwardHeadersStrategy
                    + " would believe X-Forwarded-For from clients that are no proxy of yours. Remove it and list"
                    + " your proxies' addresses or CIDR ranges in sspr.trusted-proxy.");
        }
        boolean loopback = !address.isBlank() && InetAddress.getByName(address).isLoopbackAddress();
        if (!loopback && !tls && !trustedProxy) {
            throw new IllegalStateException("server.address=" + (address.isBlank() ? "(all interfaces)" : address)
                    + " is off loopback without TLS. Configure server.ssl.* (TLS 1.2+), or set sspr.trusted-proxy when a"
                    + " TLS-terminating proxy is in front, or listen on 127.0.0.1.");
        }
    }
}
