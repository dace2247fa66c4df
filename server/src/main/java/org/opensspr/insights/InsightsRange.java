package org.opensspr.insights;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.opensspr.system.InvalidInput;
import org.opensspr.system.ProblemCode;

/**
 * The half-open time range {@code [from, to)} an insights answer covers, valid once constructed:
 * {@code from} before {@code to}, at most {@link #MAX} apart, so that every query is bounded. Days
 * are UTC days.
 *
 * @throws InvalidInput {@code 400 invalid-request} ({@link ProblemCode#INSIGHTS_RANGE_INVALID}) otherwise
 */
public record InsightsRange(Instant from, Instant to) {

    /** The range when the request names none: the last 30 days up to now. */
    public static final Duration DEFAULT = Duration.ofDays(30);
    /** The longest range: a leap year. */
    public static final Duration MAX = Duration.ofDays(366);

    public InsightsRange {
        Objects.requireNonNull(from, "from cannot be null");
        Objects.requireNonNull(to, "to cannot be null");
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(MAX) > 0) {
            throw new InvalidInput(ProblemCode.INSIGHTS_RANGE_INVALID);
        }
    }

    /**
     * The range a request asks for. Each bound is an ISO-8601 instant ({@code 2026-11-01T00:00:00Z})
     * or a UTC date ({@code 2026-11-01}); a date as {@code to} includes that whole day. A missing
     * {@code to} is now, this millisecond included (an event recorded just now counts), a missing
     * {@code from} is {@link #DEFAULT} before {@code to}.
     *
     * @throws InvalidInput for a bound that is neither, or a range that is empty, reversed or too long
     */
    public static InsightsRange parse(String from, String to, Clock clock) {
        Instant end = blank(to) ? clock.instant().plusMillis(1) : bound(to, true);
        Instant start = blank(from) ? end.minus(DEFAULT) : bound(from, false);
        return new InsightsRange(start, end);
    }

    /** Every UTC day the range touches, oldest first: the buckets of its daily counts (at most 367). */
    public List<LocalDate> days() {
        LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(to.minusNanos(1), ZoneOffset.UTC);
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Instant bound(String text, boolean end) {
        String value = text.strip();
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            } catch (DateTimeParseException notADate) {
                throw new InvalidInput(ProblemCode.INSIGHTS_RANGE_INVALID);
            }
        }
    }
}
