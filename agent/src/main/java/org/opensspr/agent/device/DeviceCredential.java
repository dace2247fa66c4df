package org.opensspr.agent.device;

import java.net.URI;
import java.util.Objects;

/**
 * What {@code join} received: the server and the device's id and secret (HTTP Basic on
 * {@code /api/v1/devices/self/**}). {@link #toString} leaves the secret out.
 */
public record DeviceCredential(URI server, String deviceId, String deviceSecret) {

    public DeviceCredential {
        Objects.requireNonNull(server, "server cannot be null");
        Objects.requireNonNull(deviceId, "deviceId cannot be null");
        Objects.requireNonNull(deviceSecret, "deviceSecret cannot be null");
    }

    @Override
    public String toString() {
        return "DeviceCredential[server=" + server + ", deviceId=" + deviceId + ", deviceSecret=(hidden)]";
    }
}
