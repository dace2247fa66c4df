package org.opensspr.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardedClientTests {

    private static final TrustedProxies PROXIES =
            TrustedProxies.of(List.of("10.0.0.5", " 10.1.0.0/16", "2001:db8::/64"));

    private static ForwardedClient client(String peer, String forwardedFor, String proto) {
        return ForwardedClient.of(
                peer,
                forwardedFor == null ? List.of() : List.of(forwardedFor),
                proto == null ? List.of() : List.of(proto),
                PROXIES);
    }

    @Test
    void aPeerThatIsNoTrustedProxyIsTakenAtItsAddressWhateverItSends() {
        assertThat(client("192.0.2.66", "203.0.113.9", "https")).isEqualTo(new ForwardedClient("192.0.2.66", null));
        assertThat(client("10.0.0.6", "203.0.113.9", "https").ip()).isEqualTo("10.0.0.6");
    }

    @Test
    void behindATrustedProxyTheClientIsTheRightMostHopThatIsNoTrustedProxy() {
        assertThat(client("10.0.0.5", "203.0.113.9", null).ip()).isEqualTo("203.0.113.9");
        assertThat(client("10.0.0.5", "198.51.100.1, 203.0.113.9, 10.1.4.4", null)
                        .ip())
                .as("the forged left-most hop is ignored; 10.1.4.4 is a trusted proxy by its CIDR range")
                .isEqualTo("203.0.113.9");
        assertThat(ForwardedClient.of("10.0.0.5", List.of("198.51.100.1", "203.0.113.9:4711"), List.of(), PROXIES)
                        .ip())
                .as("several headers are one list; a port is dropped")
                .isEqualTo("203.0.113.9");
    }

    @Test
    void cidrRangesOfBothFamiliesAreTrusted() {
        assertThat(client("10.1.200.3", "203.0.113.9", null).ip()).isEqualTo("203.0.113.9");
        assertThat(client("2001:db8:0:0:0:0:0:7", "[2001:db8:1::9]:443", null).ip())
                .isEqualTo("2001:db8:1:0:0:0:0:9");
        assertThat(client("2001:db8:0:1:0:0:0:7", "203.0.113.9", null).ip())
                .as("outside the /64")
                .isEqualTo("2001:db8:0:1:0:0:0:7");
    }

    @Test
    void aHopThatIsNoAddressEndsTheWalkAtTheLastTrustedHop() {
        assertThat(client("10.0.0.5", "unknown", null).ip()).isEqualTo("10.0.0.5");
        assertThat(client("10.0.0.5", "evil.example.org, 10.1.0.9", null).ip()).isEqualTo("10.1.0.9");
        assertThat(client("10.0.0.5", "", null).ip()).isEqualTo("10.0.0.5");
    }

    @Test
    void httpsComesFromTheProxyThatTheClientReached() {
        assertThat(client("10.0.0.5", "203.0.113.9", "https").secure()).isTrue();
        assertThat(client("10.0.0.5", "203.0.113.9", "HTTP").secure()).isFalse();
        assertThat(client("10.0.0.5", "203.0.113.9", null).secure()).isNull();
        assertThat(client("10.0.0.5", "203.0.113.9, 10.1.0.9", "https, http").secure())
                .as("the client reached 10.1.0.9 over https, which reached us over http")
                .isTrue();
        assertThat(client("10.0.0.5", "203.0.113.9, 10.1.0.9", "https").secure())
                .as("a proxy that overwrites leaves one value")
                .isTrue();
    }

    @Test
    void entriesThatAreNoAddressOrRangeAreRefusedByName() {
        for (String bad :
                List.of("proxy.example.org", "10.0.0.256", "10.0.0.0/33", "2001:db8::/129", "10.0.0.0/x", "*")) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> TrustedProxies.of(List.of("10.0.0.5", bad)))
                    .withMessageContaining("sspr.trusted-proxy")
                    .withMessageContaining("'" + bad + "'");
        }
        assertThat(TrustedProxies.of(List.of()).isEmpty()).isTrue();
        assertThat(TrustedProxies.of(List.of("", " ")).trusts("127.0.0.1")).isFalse();
    }
}
