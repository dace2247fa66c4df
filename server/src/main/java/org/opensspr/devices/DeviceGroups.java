package org.opensspr.devices;

import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Device group names: 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit.
 * Every device is also in the implicit group {@value #ALL}.
 */
final class DeviceGroups {

    static final String ALL = "all";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private DeviceGroups() {}

    static String check(String name, String what) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    what + " must be 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit, not '"
                            + name + "'");
        }
        return name;
    }

    /** The groups checked, without duplicates, sorted; null is no group. */
    static List<String> checkAll(List<String> groups) {
        if (groups == null) {
            return List.of();
        }
        if (groups.size() > 50) {
            throw new IllegalArgumentException("At most 50 groups");
        }
        TreeSet<String> checked = new TreeSet<>();
        groups.forEach(g -> checked.add(check(g, "group")));
        return List.copyOf(checked);
    }
}
