package org.opensspr.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensspr.agent.AgentException;
import org.opensspr.agent.device.DeviceCredential;
import org.opensspr.agent.linux.LinuxLogin;
import org.opensspr.agent.registry.RegQuery;
import org.opensspr.agent.server.ServerClient;
import org.opensspr.readiness.RegistryPaths;

/** The small parts: server URLs, durations, reg query output, the Linux checks. */
class SupportTests {

    @Test
    void serverUriWhenHttpsOrLoopbackHttpThenAcceptedElseRefused() {
        assertThat(ServerClient.serverUri("https://sspr.example.org/").toString())
                .isEqualTo("https://sspr.example.org");
        assertThat(ServerClient.serverUri("http://localhost:8080").toString()).isEqualTo("http://localhost:8080");
        assertThat(ServerClient.serverUri("http://127.0.0.5:8080/sspr").toString())
                .isEqualTo("http://127.0.0.5:8080/sspr");
        assertThat(ServerClient.serverUri("http://[::1]:8080").toString()).isEqualTo("http://[::1]:8080");
        assertThatThrownBy(() -> ServerClient.serverUri("http://10.0.0.1")).isInstanceOf(AgentException.class);
        assertThatThrownBy(() -> ServerClient.serverUri("http://localhost.evil.example"))
                .isInstanceOf(AgentException.class);
        assertThatThrownBy(() -> ServerClient.serverUri("ftp://sspr.example.org"))
                .isInstanceOf(AgentException.class);
        assertThatThrownBy(() -> ServerClient.serverUri("https://user:pw@sspr.example.org"))
                .isInstanceOf(AgentException.class);
    }

    @Test
    void durationWhenShortOrIsoFormThenParsed() {
        assertThat(SyncCommand.duration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(SyncCommand.duration("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(SyncCommand.duration("PT1H")).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> SyncCommand.duration("0s")).isInstanceOf(AgentException.class);
    }

    @Test
    void regQueryOutputIsParsed() {
        String output = """

                HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System
                    EnableLUA    REG_DWORD    0x1
                    legalnoticetext    REG_SZ    Authorised use only
                    Empty    REG_SZ
                    Multi    REG_MULTI_SZ    a\\0b
                    Blob    REG_BINARY    0102

                HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System\\Audit
                """;

        var values = RegQuery.parse(output);

        String key = "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System\\";
        assertThat(values)
                .containsEntry(key + "EnableLUA", 1L)
                .containsEntry(key + "legalnoticetext", "Authorised use only")
                .containsEntry(key + "Empty", "")
                .containsEntry(key + "Multi", List.of("a", "b"))
                .doesNotContainKey(key + "Blob");
    }

    @Test
    void regQueryReportsCredentialProviderSubkeys() {
        String providers = RegistryPaths.CREDENTIAL_PROVIDERS.replace("HKLM\\", "HKEY_LOCAL_MACHINE\\");
        String output = providers.substring(0, providers.length() - 1) + "\r\n" + providers
                + "{D1B6B3C4-0000-4000-8000-00000000A0C3}\r\n";

        assertThat(RegQuery.parse(output))
                .containsKey(RegistryPaths.CREDENTIAL_PROVIDERS + "{D1B6B3C4-0000-4000-8000-00000000A0C3}\\(Default)");
    }

    @Test
    void linuxLoginWhenNoDisplayManagerThenWarning(@TempDir Path root) throws Exception {
        assertThat(new LinuxLogin(root).findings())
                .singleElement()
                .satisfies(f -> assertThat(f.rule()).isEqualTo(LinuxLogin.DISPLAY_MANAGER));

        Files.createDirectories(root.resolve("usr/sbin"));
        Files.createFile(root.resolve("usr/sbin/lightdm"));

        assertThat(new LinuxLogin(root).findings()).isEmpty();
    }

    @Test
    void credentialToStringHidesTheSecret() {
        assertThat(new DeviceCredential(java.net.URI.create("https://x"), "dev_1", "very-secret").toString())
                .doesNotContain("very-secret");
    }
}
