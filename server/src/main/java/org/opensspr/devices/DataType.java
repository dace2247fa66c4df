package org.opensspr.devices;

import java.util.Locale;

/** The data type of an OMA-URI setting, and the check of a value against it. */
public enum DataType {
    INTEGER,
    STRING,
    BOOLEAN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code integer}, {@code string} or {@code boolean} (any case). */
    public static DataType of(String id) {
        if (id != null) {
            for (DataType type : values()) {
                if (type.id().equalsIgnoreCase(id.strip())) {
                    return type;
                }
            }
        }
        throw new IllegalArgumentException("dataType must be integer, string or boolean, not '" + id + "'");
    }

    /**
     * The value in this type's Java form (Long, String or Boolean). An integer may be given as a
     * whole JSON number or a decimal string; a boolean as true/false, either as JSON or as a string.
     *
     * @throws IllegalArgumentException when the value does not fit the type, naming {@code omaUri}
     */
    public Object coerce(Object value, String omaUri) {
        if (value == null) {
            throw new IllegalArgumentException("The setting " + omaUri + " has no value");
        }
        switch (this) {
            case INTEGER -> {
                if (value instanceof Integer
                        || value instanceof Long
                        || value instanceof Short
                        || value instanceof Byte) {
                    return ((Number) value).longValue();
                }
                if (value instanceof java.math.BigInteger big && big.bitLength() < 64) {
                    return big.longValue();
                }
                if (value instanceof String text) {
                    try {
                        return Long.parseLong(text.strip());
                    } catch (NumberFormatException e) {
                        // falls through to the refusal below
                    }
                }
            }
            case BOOLEAN -> {
                if (value instanceof Boolean flag) {
                    return flag;
                }
                if (value instanceof String text
                        && (text.strip().equalsIgnoreCase("true")
                                || text.strip().equalsIgnoreCase("false"))) {
                    return Boolean.parseBoolean(text.strip());
                }
            }
            case STRING -> {
                if (value instanceof String text && text.length() <= 4000) {
                    return text;
                }
            }
        }
        throw new IllegalArgumentException("The value of " + omaUri + " is not a valid " + id() + ": " + value);
    }
}
