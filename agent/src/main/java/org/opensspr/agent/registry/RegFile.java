package org.opensspr.agent.registry;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link RegReader} found in a registry export.
 *
 * @param header   {@code true} when the file starts with {@code Windows Registry Editor Version 5.00} or
 *                 {@code REGEDIT4}; a file without it is probably not a registry export
 * @param values   every value left after deletions, keyed by full value path with the hive shortened
 *                 ({@code HKLM\SOFTWARE\...\Name}; the default value of a key is named {@code (Default)}),
 *                 iterated in path order, looked up without regard to case. Values are {@code Long}
 *                 ({@code dword:}, {@code qword:}, {@code hex(4|5|b):}), {@code String} (strings, {@code hex(1|2):}),
 *                 {@code List<String>} ({@code hex(7):}) or {@code byte[]} ({@code hex:} and the other kinds)
 * @param warnings what could not be read, each with its line number; never null, at most {@link RegReader#MAX_WARNINGS}
 *                 plus one line that counts the rest
 */
public record RegFile(boolean header, Map<String, Object> values, List<String> warnings) {

    /** The name {@link RegReader} gives the default value ({@code @}) of a key, as {@code regedit} and {@code reg query} show it. */
    public static final String DEFAULT_VALUE_NAME = "(Default)";

    public RegFile {
        Objects.requireNonNull(values, "values cannot be null");
        values = Collections.unmodifiableMap(values);
        warnings = List.copyOf(warnings);
    }

    /** The value at {@code path} (any case; {@code HKEY_LOCAL_MACHINE\} is read as {@code HKLM\}), or null. */
    public Object value(String path) {
        return values.get(RegReader.shortHive(path));
    }
}
