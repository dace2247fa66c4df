package org.opensspr.agent.device;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.opensspr.agent.AgentLog;
import org.opensspr.agent.Json;
import org.opensspr.readiness.DeviceState;
import org.opensspr.readiness.RegistryPaths;
import org.opensspr.readiness.SessionType;

/**
 * Builds the {@link DeviceState} the readiness rules judge, from registry values (an export or
 * {@code reg query}) or for a Linux device, with the effective configuration cached by
 * {@code sync}. Only the registry values the rules and the server read are kept (see
 * {@link #relevant}); binary values are dropped. Lost mode and 802.1X are not in the registry
 * values read here, so they are reported as off.
 */
public final class DeviceStates {

    public static final String CURRENT_VERSION = "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\";

    /** Key prefixes (lower case) below which values are kept; every path the rules read is below one. */
    private static final List<String> RELEVANT = List.of(
            "hklm\\software\\policies\\",
            "hklm\\software\\microsoft\\windows\\currentversion\\policies\\system\\",
            RegistryPaths.CREDENTIAL_PROVIDERS.toLowerCase(Locale.ROOT),
            RegistryPaths.WINLOGON_SHELL.toLowerCase(Locale.ROOT),
            RegistryPaths.TLS12_CLIENT_ENABLED
                    .substring(0, RegistryPaths.TLS12_CLIENT_ENABLED.lastIndexOf('\\') + 1)
                    .toLowerCase(Locale.ROOT));

    private static final List<String> VERSION_VALUES = List.of(
            "CurrentBuildNumber",
            "CurrentBuild",
            "UBR",
            "EditionID",
            "DisplayVersion",
            "ReleaseId",
            "ProductName",
            "CurrentVersion");

    private DeviceStates() {}

    /** A Windows device described by {@code registry} (full value paths). */
    public static DeviceState windows(
            Map<String, Object> registry, boolean joined, SessionType session, Map<String, Object> settings) {
        Map<String, Object> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        values.putAll(registry);
        int build =
                build(values.get(CURRENT_VERSION + "CurrentBuildNumber"), values.get(CURRENT_VERSION + "CurrentBuild"));
        Object display = values.get(CURRENT_VERSION + "DisplayVersion");
        if (display == null) {
            display = values.get(CURRENT_VERSION + "ReleaseId");
        }
        if (display == null) {
            display = values.get(CURRENT_VERSION + "CurrentVersion");
        }
        Object edition = values.get(CURRENT_VERSION + "EditionID");
        return new DeviceState(
                "Windows",
                build,
                text(display),
                text(edition),
                "workgroup",
                joined,
                session,
                relevant(registry),
                settings,
                false,
                false);
    }

    /** A Linux device: no registry; the Windows rules do not apply. */
    public static DeviceState linux(boolean joined, SessionType session, Map<String, Object> settings) {
        return new DeviceState(
                "Linux",
                0,
                System.getProperty("os.version"),
                null,
                "none",
                joined,
                session,
                Map.of(),
                settings,
                false,
                false);
    }

    /** The values the rules and the server read, plus the version values; binary values left out. */
    public static Map<String, Object> relevant(Map<String, Object> registry) {
        Map<String, Object> kept = new TreeMap<>();
        registry.forEach((path, value) -> {
            String lower = path.toLowerCase(Locale.ROOT);
            boolean version = lower.startsWith(CURRENT_VERSION.toLowerCase(Locale.ROOT))
                    && VERSION_VALUES.stream()
                            .anyMatch(v -> lower.equals((CURRENT_VERSION + v).toLowerCase(Locale.ROOT)));
            if (!(value instanceof byte[]) && (version || RELEVANT.stream().anyMatch(lower::startsWith))) {
                kept.put(path, value);
            }
        });
        return kept;
    }

    /** The inventory body of {@code PUT /api/v1/devices/self/inventory}. */
    public static Map<String, Object> inventory(DeviceState device) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("os", device.os());
        body.put("osBuild", device.osBuild());
        body.put("osVersion", device.osVersion());
        body.put("edition", device.edition());
        body.put("joinType", device.joinType());
        body.put("sessionType", device.sessionType().id());
        body.put("registry", device.registry());
        return body;
    }

    /** The settings of a configuration document {@code {settings:[{omaUri, value}]}}; empty when absent or unreadable. */
    public static Map<String, Object> settings(String configurationJson) {
        Map<String, Object> settings = new LinkedHashMap<>();
        if (configurationJson == null) {
            return settings;
        }
        try {
            if (Json.parse(configurationJson) instanceof Map<?, ?> doc && doc.get("settings") instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof Map<?, ?> setting
                            && setting.get("omaUri") instanceof String uri
                            && setting.get("value") != null) {
                        settings.putIfAbsent(uri, setting.get("value"));
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            AgentLog.LOG.warning(() -> "the cached configuration is not valid JSON; ignored (" + e.getMessage() + ")");
        }
        return settings;
    }

    private static int build(Object... candidates) {
        for (Object candidate : candidates) {
            if (candidate instanceof Number n) {
                return n.intValue();
            }
            if (candidate instanceof String s) {
                try {
                    return Integer.parseInt(s.strip());
                } catch (NumberFormatException e) {
                    // try the next value
                }
            }
        }
        return 0;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
