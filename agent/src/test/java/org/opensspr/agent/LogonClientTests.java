package org.opensspr.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.http.HttpClient;
import org.junit.jupiter.api.Test;

class LogonClientTests {

    @Test
    void httpClientOffersOnlyTlsThirteenAndTwelveAndUsesTheMachineProxySelector() {
        HttpClient http = LogonClient.httpClient();

        assertThat(http.sslParameters().getProtocols()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(http.proxy()).isPresent();
        assertThat(http.followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
    }

    @Test
    void serverUriWhenHttpsThenAccepted() {
        assertThat(LogonClient.serverUri("https://sspr.example.org").toString()).isEqualTo("https://sspr.example.org/");
    }

    @Test
    void serverUriWhenPlainHttpToLoopbackThenAccepted() {
        assertThat(LogonClient.serverUri("http://127.0.0.1:8080/").toString()).isEqualTo("http://127.0.0.1:8080/");
        assertThat(LogonClient.serverUri("http://localhost:8080").toString()).isEqualTo("http://localhost:8080/");
        assertThat(LogonClient.serverUri("http://[::1]:8080").toString()).isEqualTo("http://[::1]:8080/");
    }

    @Test
    void serverUriWhenPlainHttpToAnotherHostThenRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LogonClient.serverUri("http://10.0.0.5"))
                .withMessageContaining("Refusing plain http://");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LogonClient.serverUri("http://127.example.org"))
                .withMessageContaining("Refusing plain http://");
    }

    @Test
    void serverUriWhenAnotherSchemeThenRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LogonClient.serverUri("ftp://sspr.example.org"))
                .withMessageContaining("must start with https://");
    }
}
