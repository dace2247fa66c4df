package org.opensspr.readiness;

import java.util.Locale;

/** How the screen is reached: at the console, over Remote Desktop, or in an enhanced Hyper-V session. */
public enum SessionType {
    CONSOLE("console"),
    RDP("rdp"),
    HYPERV_ENHANCED("hyperv-enhanced");

    private final String id;

    SessionType(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Parses {@code console}, {@code rdp} or {@code hyperv-enhanced} (any case); null or blank means the console. */
    public static SessionType parse(String value) {
        if (value == null || value.isBlank()) {
            return CONSOLE;
        }
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        for (SessionType type : values()) {
            if (type.id.equals(wanted)) {
                return type;
            }
        }
        throw new IllegalArgumentException("sessionType must be console, rdp or hyperv-enhanced, not '" + value + "'");
    }
}
