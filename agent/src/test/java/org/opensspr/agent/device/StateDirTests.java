package org.opensspr.agent.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensspr.agent.AgentException;
import org.opensspr.agent.ExitCode;

class StateDirTests {

    @TempDir
    Path stateDir;

    private void device() throws IOException {
        Files.writeString(
                stateDir.resolve("device.properties"),
                "server=https://sspr.example.org\ndeviceId=dev_1\ndeviceSecret=top-secret\n");
    }

    private void configuration(String omaUri, String value) throws IOException {
        Files.writeString(
                stateDir.resolve("configuration.json"),
                "{\"settings\":[{\"omaUri\":\"" + omaUri + "\",\"dataType\":\"integer\",\"value\":" + value + "}]}");
    }

    @Test
    void resetEnabledWhenTheVendorFormIsOne() throws IOException {
        device();
        configuration("./Vendor/MSFT/Policy/Config/Authentication/AllowAadPasswordReset", "1");

        StateDir state = new StateDir(stateDir);

        assertThat(state.resetEnabled()).isTrue();
        assertThat(state.requireCredential().server()).hasToString("https://sspr.example.org");
        assertThat(state.requireCredential().deviceId()).isEqualTo("dev_1");
    }

    @Test
    void resetEnabledWhenTheDeviceFormIsTheStringOne() throws IOException {
        device();
        configuration("./Device/Vendor/MSFT/Policy/Config/Authentication/AllowAadPasswordReset", "\"1\"");

        assertThat(new StateDir(stateDir).resetEnabled()).isTrue();
    }

    @Test
    void resetNotEnabledWhenTheSettingIsZeroOrAbsentOrThereIsNoConfiguration() throws IOException {
        device();
        assertThat(new StateDir(stateDir).resetEnabled()).isFalse();

        configuration("./Vendor/MSFT/Policy/Config/Authentication/AllowAadPasswordReset", "0");
        assertThat(new StateDir(stateDir).resetEnabled()).isFalse();

        configuration("./Vendor/MSFT/Policy/Config/Something/Else", "1");
        assertThat(new StateDir(stateDir).resetEnabled()).isFalse();
    }

    @Test
    void requireCredentialWhenDevicePropertiesIsMissingThenNotJoined() {
        assertThatThrownBy(() -> new StateDir(stateDir).requireCredential())
                .isInstanceOfSatisfying(
                        AgentException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.NOT_JOINED))
                .hasMessageContaining("sspr-agent join");
    }

    @Test
    void requireCredentialWhenDevicePropertiesIsIncompleteThenNotJoined() throws IOException {
        Files.writeString(stateDir.resolve("device.properties"), "server=https://sspr.example.org\ndeviceId=dev_1\n");

        assertThatThrownBy(() -> new StateDir(stateDir).requireCredential())
                .isInstanceOfSatisfying(
                        AgentException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.NOT_JOINED));
    }

    @Test
    void forgetCredentialRemovesTheCredentialAndTheOldDevicesConfiguration() throws IOException {
        device();
        configuration("./Vendor/MSFT/Policy/Config/Authentication/AllowAadPasswordReset", "1");
        StateDir state = new StateDir(stateDir);

        state.forgetCredential();

        assertThat(state.credential()).isEmpty();
        assertThat(state.resetEnabled()).isFalse();
    }

    @Test
    void toStringOfTheCredentialNeverShowsTheSecret() throws IOException {
        device();
        assertThat(new StateDir(stateDir).requireCredential().toString()).doesNotContain("top-secret");
    }
}
