package org.opensspr.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough JSON for the driver: quoting a string for a request body and reading a top-level
 * string field of an answer. The answers it reads are the server's own, flat and small
 * ({@code {"flowId":"...","expiresAt":"..."}}), so a pattern does; it is not a parser.
 */
final class Json {

    private Json() {}

    /** {@code value} as a JSON string literal, quotes included. */
    static String quote(String value) {
        StringBuilder b = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** An object of string fields: {@code object("login", "alice")} is {@code {"login":"alice"}}. */
    static String object(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (i > 0) {
                b.append(',');
            }
            b.append(quote(namesAndValues[i])).append(':').append(quote(namesAndValues[i + 1]));
        }
        return b.append('}').toString();
    }

    /** The string value of the first field {@code name} in {@code json}, or null; no escapes are undone. */
    static String string(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"")
                .matcher(json == null ? "" : json);
        return m.find() ? m.group(1) : null;
    }
}
