package org.opensspr.devices;

import java.util.LinkedHashMap;
import java.util.Map;
import org.opensspr.readiness.SessionType;

/**
 * What a device reports about itself ({@code PUT /api/v1/devices/self/inventory}), valid once
 * constructed: at most 2000 registry values, each an integer or a string of at most 2000
 * characters (a JSON true/false counts as 1/0). {@code sessionType} is console, rdp or
 * hyperv-enhanced (null: console).
 */
public record Inventory(
        String os,
        int osBuild,
        String osVersion,
        String edition,
        String joinType,
        SessionType sessionType,
        Map<String, Object> registry,
        boolean lostMode,
        boolean dot1xBeforeLogon) {

    public Inventory {
        os = text(os, "os");
        osVersion = text(osVersion, "osVersion");
        edition = text(edition, "edition");
        joinType = text(joinType, "joinType");
        if (osBuild < 0) {
            throw new IllegalArgumentException("osBuild cannot be negative");
        }
        sessionType = sessionType == null ? SessionType.CONSOLE : sessionType;
        registry = checked(registry);
    }

    private static String text(String value, String what) {
        if (value != null && value.length() > 100) {
            throw new IllegalArgumentException(what + " is longer than 100 characters");
        }
        return value == null ? null : value.strip();
    }

    private static Map<String, Object> checked(Map<String, Object> values) {
        if (values == null) {
            return Map.of();
        }
        if (values.size() > 2000) {
            throw new IllegalArgumentException("registry holds at most 2000 values");
        }
        Map<String, Object> checked = new LinkedHashMap<>();
        values.forEach((path, value) -> {
            if (path == null || path.isBlank() || path.length() > 1000) {
                throw new IllegalArgumentException("A registry path must be 1-1000 characters");
            }
            if (value instanceof Integer || value instanceof Long) {
                checked.put(path, ((Number) value).longValue());
            } else if (value instanceof Boolean flag) {
                checked.put(path, flag ? 1L : 0L);
            } else if (value instanceof String text && text.length() <= 2000) {
                checked.put(path, text);
            } else {
                throw new IllegalArgumentException(
                        "The registry value " + path + " must be an integer or a string of at most 2000 characters");
            }
        });
        return Map.copyOf(checked);
    }
}
