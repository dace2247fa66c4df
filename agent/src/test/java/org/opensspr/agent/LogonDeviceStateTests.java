package org.opensspr.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogonDeviceStateTests {

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
    void readWhenTheVendorFormIsOneThenEnabled() throws IOException {
        device();
        configuration("./Vendor/MSFT/Policy/Config/Authentication/AllowAadPasswordReset", "1");

        LogonDeviceState state = LogonDeviceState.read(stateDir);

        assertThat(state.resetEnabled()).isTrue();
        assertThat(state.server()).isEqualTo("https://sspr.example.org");
        assertThat(state.deviceId()).isEqualTo("dev_1");
    }

    @Test
    void readWhenTheDeviceFormIsTheStringOneThenEnabled() throws IOException {
        device();
        configuration("./Device/Vendor/MSFT/Policy/Config/Authentication/AllowAadPasswordReset", "\"1\"");

        assertThat(LogonDeviceState.read(stateDir).resetEnabled()).isTrue();
    }

    @Test
    void readWhenTheSettingIsZeroOrAbsentThenNotEnabled() throws IOException {
        device();
        configuration("./Vendor/MSFT/Policy/Config/Authentication/AllowAadPasswordReset", "0");
        assertThat(LogonDeviceState.read(stateDir).resetEnabled()).isFalse();

        configuration("./Vendor/MSFT/Policy/Config/Something/Else", "1");
        assertThat(LogonDeviceState.read(stateDir).resetEnabled()).isFalse();
    }

    @Test
    void readWhenDevicePropertiesIsMissingThenNotJoined() {
        assertThatThrownBy(() -> LogonDeviceState.read(stateDir)).isInstanceOf(LogonDeviceState.NotJoined.class);
    }

    @Test
    void toStringNeverShowsTheSecret() throws IOException {
        device();
        assertThat(LogonDeviceState.read(stateDir).toString()).doesNotContain("top-secret");
    }
}
