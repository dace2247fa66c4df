package org.opensspr.console;

/** The console page a form post belongs to: {@code /admin/policy} for {@code POST /admin/policy}, {@code /admin/devices} for a device's action. */
final class ConsolePaths {

    private ConsolePaths() {}

    static String pageOf(String path) {
        String[] parts = path.split("/");
        // "", "admin", section, ...
        return parts.length >= 3 ? "/admin/" + parts[2] : "/admin";
    }
}
