package org.opensspr.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The verification methods an admin can let count. */
public enum MethodType {
    EMAIL,
    SMS,
    TOTP,
    QUESTIONS;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static MethodType of(String id) {
        for (MethodType type : values()) {
            if (type.id().equals(id)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown method '" + id + "': use email, sms, totp or questions");
    }
}
