package org.opensspr.readiness;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a device reports about itself, as the readiness rules need it.
 *
 * @param os          the operating system family ({@code Windows}, {@code Linux}, ...); the Windows rules apply only to Windows
 * @param osBuild     the build number ({@code 19045}); 0 when unknown
 * @param osVersion   the marketing version ({@code 22H2}, {@code 6.1}); informational, may be null
 * @param edition     the edition ({@code Home}, {@code Pro}, {@code Enterprise}, ...); null when unknown
 * @param joinType    how the device is joined to its domain or tenant ({@code workgroup}, {@code domain}, ...); informational
 * @param joined      whether the device is joined to this server
 * @param sessionType the session the sign-in screen runs in
 * @param registry    registry values keyed by full value path ({@code HKLM\SOFTWARE\...\Name}, any case;
 *                    {@code HKEY_LOCAL_MACHINE\} is read as {@code HKLM\}); values are Integer, Long or String
 * @param settings    the device's effective OMA-URI settings, keyed by OMA-URI (both {@code ./Device/} forms)
 * @param lostMode    whether the device is in MDM lost mode
 * @param dot1xBeforeLogon whether 802.1X runs "immediately before user logon" (single sign-on) on a network profile
 */
public record DeviceState(
        String os,
        int osBuild,
        String osVersion,
        String edition,
        String joinType,
        boolean joined,
        SessionType sessionType,
        Map<String, Object> registry,
        Map<String, Object> settings,
        boolean lostMode,
        boolean dot1xBeforeLogon) {

    public DeviceState {
        os = os == null ? "" : os.strip();
        sessionType = sessionType == null ? SessionType.CONSOLE : sessionType;
        registry = normalizedRegistry(registry);
        settings = normalizedSettings(settings);
    }

    /** A joined Windows device of {@code build} at the console, with no registry values and no settings. */
    public static DeviceState windows(int build, String edition) {
        return new DeviceState(
                "Windows",
                build,
                null,
                edition,
                "workgroup",
                true,
                SessionType.CONSOLE,
                Map.of(),
                Map.of(),
                false,
                false);
    }

    public boolean isWindows() {
        return os.toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /** The registry value at {@code path} (any case), or null when the device did not report it. */
    public Object registryValue(String path) {
        return registry.get(registryKey(path));
    }

    /** The registry value at {@code path} as a number (a numeric string counts), or null when absent or not numeric. */
    public Long registryNumber(String path) {
        Object value = registryValue(path);
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof String text) {
            try {
                String digits = text.strip();
                return digits.startsWith("0x") ? Long.parseLong(digits.substring(2), 16) : Long.parseLong(digits);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** The effective setting of {@code omaUri} (either form), or null when no profile sets it. */
    public Object setting(String omaUri) {
        return settings.get(OmaUris.key(omaUri));
    }

    public DeviceState withRegistry(String path, Object value) {
        Map<String, Object> changed = new TreeMap<>(registry);
        changed.put(registryKey(path), value);
        return new DeviceState(
                os,
                osBuild,
                osVersion,
                edition,
                joinType,
                joined,
                sessionType,
                changed,
                settings,
                lostMode,
                dot1xBeforeLogon);
    }

    public DeviceState withSetting(String omaUri, Object value) {
        Map<String, Object> changed = new TreeMap<>(settings);
        changed.put(OmaUris.key(omaUri), value);
        return new DeviceState(
                os,
                osBuild,
                osVersion,
                edition,
                joinType,
                joined,
                sessionType,
                registry,
                changed,
                lostMode,
                dot1xBeforeLogon);
    }

    public DeviceState withJoined(boolean isJoined) {
        return new DeviceState(
                os,
                osBuild,
                osVersion,
                edition,
                joinType,
                isJoined,
                sessionType,
                registry,
                settings,
                lostMode,
                dot1xBeforeLogon);
    }

    public DeviceState withSessionType(SessionType type) {
        return new DeviceState(
                os,
                osBuild,
                osVersion,
                edition,
                joinType,
                joined,
                type,
                registry,
                settings,
                lostMode,
                dot1xBeforeLogon);
    }

    public DeviceState withLostMode(boolean lost) {
        return new DeviceState(
                os,
                osBuild,
                osVersion,
                edition,
                joinType,
                joined,
                sessionType,
                registry,
                settings,
                lost,
                dot1xBeforeLogon);
    }

    public DeviceState withDot1xBeforeLogon(boolean beforeLogon) {
        return new DeviceState(
                os,
                osBuild,
                osVersion,
                edition,
                joinType,
                joined,
                sessionType,
                registry,
                settings,
                lostMode,
                beforeLogon);
    }

    /** The canonical key of a registry value path: {@code HKEY_LOCAL_MACHINE\} shortened to {@code HKLM\}, lower case. */
    static String registryKey(String path) {
        Objects.requireNonNull(path, "registry path cannot be null");
        String key = path.strip().toLowerCase(Locale.ROOT);
        if (key.startsWith("hkey_local_machine\\")) {
            key = "hklm\\" + key.substring("hkey_local_machine\\".length());
        }
        return key;
    }

    private static Map<String, Object> normalizedRegistry(Map<String, Object> values) {
        Map<String, Object> normalized = new TreeMap<>();
        if (values != null) {
            values.forEach((path, value) -> {
                if (path != null && value != null) {
                    normalized.put(registryKey(path), value);
                }
            });
        }
        return java.util.Collections.unmodifiableMap(normalized);
    }

    private static Map<String, Object> normalizedSettings(Map<String, Object> values) {
        Map<String, Object> normalized = new TreeMap<>();
        if (values != null) {
            values.forEach((uri, value) -> {
                if (uri != null && value != null) {
                    normalized.put(OmaUris.key(uri), value);
                }
            });
        }
        return java.util.Collections.unmodifiableMap(normalized);
    }
}
