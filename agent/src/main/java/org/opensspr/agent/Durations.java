package org.opensspr.agent;

import java.time.Duration;
import java.util.Locale;

/**
 * How every agent option reads a duration ({@code sync --interval}, {@code logon --window-timeout}):
 * {@code 30s}, {@code 15m}, {@code 2h}, {@code 1d} or ISO-8601 ({@code PT15M}). Each option checks
 * its own bounds and says them in its own message.
 */
public final class Durations {

    private Durations() {}

    /** The duration {@code text} names; IllegalArgumentException when it names none. */
    public static Duration parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new IllegalArgumentException("no unit");
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a duration: '" + text + "'", e);
        }
    }
}
