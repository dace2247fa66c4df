package org.opensspr.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ResetSourceTests {

    @Test
    void anAddressCountsAsItsIpv4Slash24OrIpv6Slash64() {
        assertThat(ResetSource.network("203.0.113.66").key()).isEqualTo("net:203.0.113.0/24");
        assertThat(ResetSource.network("203.0.113.200")).isEqualTo(ResetSource.network("203.0.113.66"));
        assertThat(ResetSource.network("2001:db8:1:2:aaaa:bbbb:cccc:dddd").key())
                .isEqualTo("net:2001:db8:1:2:0:0:0:0/64");
        assertThat(ResetSource.network("198.51.100.7")).isNotEqualTo(ResetSource.network("203.0.113.66"));
    }

    @Test
    void aDeviceIsASourceOfItsOwnAndNoHostNameIsLookedUp() {
        assertThat(ResetSource.device("dev_1")).isEqualTo(new ResetSource("device:dev_1", true));
        assertThat(ResetSource.network("example.org").key()).isEqualTo("net:example.org");
    }

    @Test
    void limitsDefaultAndRefuseNonsense() {
        ResetThrottlingProperties defaults = new ResetThrottlingProperties(null, null, null);
        assertThat(defaults.flowStartsPerIp()).isEqualTo(30);
        assertThat(defaults.flowStartsPerDevice()).isEqualTo(10);
        assertThat(defaults.sourcesBeforeUserBlock()).isEqualTo(3);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ResetThrottlingProperties(null, 0, null))
                .withMessageContaining("sspr.reset.flow-starts-per-device");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ResetThrottlingProperties(0, null, null))
                .withMessageContaining("sspr.reset.flow-starts-per-ip");
    }
}
