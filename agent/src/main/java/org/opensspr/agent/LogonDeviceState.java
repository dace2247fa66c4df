package org.opensspr.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.opensspr.readiness.OmaUris;

/**
 * What {@code logon} reads from the state directory, written there by {@code join} and {@code sync}:
 * <ul>
 *   <li>{@code device.properties}: {@code server} (base URL), {@code deviceId}, {@code deviceSecret};</li>
 *   <li>{@code configuration.json} (optional): the effective configuration as the server's
 *       {@code GET /api/v1/devices/self/configuration} returns it, {@code {settings:[{omaUri,
 *       dataType, value}]}}.</li>
 * </ul>
 * Reset from the sign-in screen is enabled only when the configuration sets
 * {@code ./Vendor/MSFT/Policy/Config/Authentication/AllowAadPasswordReset} (or its
 * {@code ./Device/Vendor/...} form) to 1; without a configuration file it is not enabled.
 */
record LogonDeviceState(String server, String deviceId, String deviceSecret, boolean resetEnabled) {

    static final String DEVICE_FILE = "device.properties";
    static final String CONFIGURATION_FILE = "configuration.json";

    /** Reads the state; throws NotJoined when device.properties is missing or incomplete. */
    static LogonDeviceState read(Path stateDir) throws IOException {
        Path deviceFile = stateDir.resolve(DEVICE_FILE);
        if (!Files.isRegularFile(deviceFile)) {
            throw new NotJoined("This device is not joined to the reset service (" + deviceFile + " is missing). "
                    + "Run 'sspr-agent join --server URL --token T' first.");
        }
        Properties device = new Properties();
        try (Reader in = Files.newBufferedReader(deviceFile, StandardCharsets.UTF_8)) {
            device.load(in);
        }
        String deviceId = device.getProperty("deviceId", "").strip();
        String deviceSecret = device.getProperty("deviceSecret", "").strip();
        if (deviceId.isEmpty() || deviceSecret.isEmpty()) {
            throw new NotJoined(deviceFile + " has no deviceId or deviceSecret. Join the device again.");
        }
        return new LogonDeviceState(
                device.getProperty("server", "").strip(),
                deviceId,
                deviceSecret,
                resetEnabled(stateDir.resolve(CONFIGURATION_FILE)));
    }

    private static boolean resetEnabled(Path configurationFile) throws IOException {
        if (!Files.isRegularFile(configurationFile)) {
            return false;
        }
        JsonNode configuration;
        try {
            configuration = new ObjectMapper().readTree(configurationFile.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(configurationFile + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        String wanted = OmaUris.key(OmaUris.ALLOW_PASSWORD_RESET);
        for (JsonNode setting : configuration.path("settings")) {
            if (wanted.equals(OmaUris.key(setting.path("omaUri").asText(null)))) {
                return setting.path("value").asText("").strip().equals("1");
            }
        }
        return false;
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "LogonDeviceState[server=" + server + ", deviceId=" + deviceId + ", resetEnabled=" + resetEnabled + "]";
    }

    /** The device has not been joined, or its credential file is incomplete. */
    static final class NotJoined extends IOException {
        NotJoined(String message) {
            super(message);
        }
    }
}
