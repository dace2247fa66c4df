package org.opensspr.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import org.junit.jupiter.api.Test;

class ListenerSafetyCheckTests {

    private static ListenerSafetyCheck check(String address, boolean ssl, String keyStore, String proxy) {
        return check(address, ssl, keyStore, proxy, "");
    }

    private static ListenerSafetyCheck check(
            String address, boolean ssl, String keyStore, String proxy, String forwardHeadersStrategy) {
        return new ListenerSafetyCheck(
                address,
                ssl,
                "",
                keyStore,
                forwardHeadersStrategy,
                new TrustedProxyProperties(proxy.isEmpty() ? List.of() : List.of(proxy.split(","))));
    }

    @Test
    void plainHttpOnLoopbackStarts() {
        assertThatCode(() -> check("127.0.0.1", false, "", "").afterPropertiesSet())
                .doesNotThrowAnyException();
        assertThatCode(() -> check("::1", false, "", "").afterPropertiesSet()).doesNotThrowAnyException();
    }

    @Test
    void plainHttpOffLoopbackRefusesToStartAndSaysWhatToDo() {
        assertThatIllegalStateException()
                .isThrownBy(() -> check("0.0.0.0", false, "", "").afterPropertiesSet())
                .withMessageContaining("server.ssl")
                .withMessageContaining("sspr.trusted-proxy");
        assertThatIllegalStateException()
                .isThrownBy(() -> check("", false, "", "").afterPropertiesSet())
                .withMessageContaining("all interfaces");
    }

    @Test
    void offLoopbackStartsWithTlsOrBehindATrustedProxy() {
        assertThatCode(() -> check("0.0.0.0", false, "classpath:server.p12", "").afterPropertiesSet())
                .doesNotThrowAnyException();
        assertThatCode(() -> check("0.0.0.0", false, "", "10.0.0.5").afterPropertiesSet())
                .doesNotThrowAnyException();
    }

    @Test
    void bootsForwardedHeaderStrategiesRefuseToStartAndPointAtTrustedProxy() {
        for (String strategy : List.of("native", "FRAMEWORK")) {
            assertThatIllegalStateException()
                    .isThrownBy(() ->
                            check("127.0.0.1", false, "", "10.0.0.5", strategy).afterPropertiesSet())
                    .withMessageContaining("server.forward-headers-strategy")
                    .withMessageContaining("sspr.trusted-proxy");
        }
        assertThatCode(() -> check("127.0.0.1", false, "", "", "none").afterPropertiesSet())
                .doesNotThrowAnyException();
    }
}
