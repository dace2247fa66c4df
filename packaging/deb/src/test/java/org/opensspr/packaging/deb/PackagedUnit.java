package org.opensspr.packaging.deb;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The [Service] section of a systemd unit as a start of it sees it: {@code ExecStart=} as words and
 * the {@code Environment=} assignments, with the specifiers the packaged units use ({@code %S} the
 * state, {@code %C} the cache and {@code %d} the credentials directory) replaced by the folders
 * systemd would give. Any other specifier is refused: the tests would not start what systemd starts.
 */
record PackagedUnit(List<String> execStart, Map<String, String> environment, List<String> service) {

    static PackagedUnit parse(String unit, Path stateRoot, Path cacheRoot, Path credentials) {
        List<String> execStart = List.of();
        Map<String, String> environment = new LinkedHashMap<>();
        List<String> service = new ArrayList<>();
        String section = "";
        for (String raw : unit.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                section = line;
                continue;
            }
            if (!section.equals("[Service]")) {
                continue;
            }
            service.add(line);
            String expanded = line.replace("%S", stateRoot.toString())
                    .replace("%C", cacheRoot.toString())
                    .replace("%d", credentials.toString());
            if (expanded.contains("%")) {
                throw new IllegalArgumentException("a specifier the test does not emulate: " + line);
            }
            if (expanded.startsWith("ExecStart=")) {
                execStart = List.of(expanded.substring("ExecStart=".length()).split(" +"));
            } else if (expanded.startsWith("Environment=")) {
                String assignment = expanded.substring("Environment=".length());
                int eq = assignment.indexOf('=');
                environment.put(assignment.substring(0, eq), assignment.substring(eq + 1));
            }
        }
        return new PackagedUnit(execStart, Map.copyOf(environment), List.copyOf(service));
    }

    /** The value of a [Service] setting, or "" when the unit does not set it. */
    String setting(String name) {
        return service.stream()
                .filter(line -> line.startsWith(name + "="))
                .map(line -> line.substring(name.length() + 1))
                .reduce((first, last) -> last)
                .orElse("");
    }
}
