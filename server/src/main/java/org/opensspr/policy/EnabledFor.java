package org.opensspr.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whom self-service password reset is enabled for. */
public enum EnabledFor {
    NONE,
    ALL,
    GROUPS;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static EnabledFor of(String id) {
        for (EnabledFor value : values()) {
            if (value.id().equals(id)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown enabledFor '" + id + "': use none, all or groups");
    }
}
