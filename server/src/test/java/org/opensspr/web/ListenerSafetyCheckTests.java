package org.opensspr.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

class ListenerSafetyCheckTests {

    private static ListenerSafetyCheck check(String address, boolean ssl, String keyStore, String proxy) {
        return new ListenerSafetyCheck(address, ssl, "", keyStore, proxy);
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
}
