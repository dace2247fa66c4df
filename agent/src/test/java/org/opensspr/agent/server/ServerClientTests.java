package org.opensspr.agent.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import org.junit.jupiter.api.Test;
import org.opensspr.agent.AgentException;
import org.opensspr.agent.ExitCode;

/** The one client's rules, the same for every command: TLS, proxy, redirects and which server addresses it accepts. */
class ServerClientTests {

    @Test
    void httpClientOffersOnlyTlsThirteenAndTwelveAndUsesTheMachineProxySelector() {
        HttpClient http = ServerClient.httpClient();

        assertThat(http.sslParameters().getProtocols()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(http.proxy()).isPresent();
        assertThat(http.followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
    }

    @Test
    void serverUriWhenHttpsThenAcceptedWithoutATrailingSlash() {
        assertThat(ServerClient.serverUri("https://sspr.example.org/")).hasToString("https://sspr.example.org");
        assertThat(ServerClient.serverUri(" https://sspr.example.org:8443/sspr "))
                .hasToString("https://sspr.example.org:8443/sspr");
    }

    @Test
    void serverUriWhenPlainHttpToLoopbackThenAccepted() {
        assertThat(ServerClient.serverUri("http://127.0.0.1:8080/")).hasToString("http://127.0.0.1:8080");
        assertThat(ServerClient.serverUri("http://localhost:8080")).hasToString("http://localhost:8080");
        assertThat(ServerClient.serverUri("http://[::1]:8080")).hasToString("http://[::1]:8080");
    }

    @Test
    void serverUriWhenPlainHttpToAnotherHostThenRefusedAsUsage() {
        for (String url : new String[] {"http://10.0.0.5", "http://127.example.org"}) {
            assertThatThrownBy(() -> ServerClient.serverUri(url))
                    .isInstanceOfSatisfying(
                            AgentException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                    .hasMessageContaining("Refusing plain http://");
        }
    }

    @Test
    void serverUriWhenAnotherSchemeOrCredentialsOrQueryThenRefused() {
        assertThatThrownBy(() -> ServerClient.serverUri("ftp://sspr.example.org"))
                .hasMessageContaining("must be an https:// URL");
        assertThatThrownBy(() -> ServerClient.serverUri("https://user:pw@sspr.example.org"))
                .hasMessageContaining("only scheme, host, port and path");
        assertThatThrownBy(() -> ServerClient.serverUri("https://sspr.example.org/?x=1"))
                .hasMessageContaining("only scheme, host, port and path");
    }

    @Test
    void aRefusedDeviceCredentialIsShownToTheUserWithoutTheAdminsDetail() {
        AgentException refused = AgentException.refused(
                "the server refused POST /api/v1/logon/sessions",
                new AgentException.Problem(
                        401, "unauthorized", "The device credential is not valid: disabled", java.util.List.of()));

        assertThat(refused.userMessage())
                .isEqualTo(AgentException.DEVICE_NOT_ACCEPTED)
                .doesNotContain("disabled");
        assertThat(refused.getMessage()).contains("logon/sessions");
        assertThat(refused.exitCode()).isEqualTo(ExitCode.SERVER);
    }
}
