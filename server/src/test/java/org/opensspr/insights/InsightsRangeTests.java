package org.opensspr.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensspr.system.InvalidInput;
import org.opensspr.system.ProblemCode;

class InsightsRangeTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T13:30:00Z"), ZoneOffset.UTC);

    @Test
    void withoutBoundsTheRangeIsTheLastThirtyDays() {
        InsightsRange range = InsightsRange.parse(null, " ", CLOCK);
        assertThat(range.from()).isEqualTo(Instant.parse("2026-11-03T13:30:00.001Z"));
        assertThat(range.to()).as("now included").isEqualTo(CLOCK.instant().plusMillis(1));
        assertThat(range.days())
                .hasSize(31)
                .startsWith(LocalDate.parse("2026-11-03"))
                .endsWith(LocalDate.parse("2026-12-03"));
    }

    @Test
    void aDateAsToIncludesThatWholeDayAndInstantsAreTakenAsTheyAre() {
        InsightsRange dates = InsightsRange.parse("2026-11-01", "2026-11-30", CLOCK);
        assertThat(dates.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(dates.to()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(dates.days()).hasSize(30).endsWith(LocalDate.parse("2026-11-30"));
        InsightsRange instants = InsightsRange.parse("2026-11-01T10:00:00Z", "2026-11-01T10:00:01Z", CLOCK);
        assertThat(instants.days()).containsExactly(LocalDate.parse("2026-11-01"));
    }

    @Test
    void aLeapYearIsTheLongestRange() {
        assertThat(InsightsRange.parse("2028-01-01", "2028-12-31", CLOCK).days())
                .hasSize(366);
        assertThatThrownBy(() -> InsightsRange.parse("2028-01-01", "2029-01-01", CLOCK))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.INSIGHTS_RANGE_INVALID));
    }

    @Test
    void aReversedEmptyOrUnreadableRangeIsRefused() {
        for (String[] bounds : List.of(
                new String[] {"2026-11-02", "2026-11-01"},
                new String[] {"2026-11-01T00:00:00Z", "2026-11-01T00:00:00Z"},
                new String[] {"yesterday", null},
                new String[] {"2026-12-04", null},
                new String[] {null, "2026-13-01"})) {
            assertThatThrownBy(() -> InsightsRange.parse(bounds[0], bounds[1], CLOCK))
                    .as(String.join(" .. ", String.valueOf(bounds[0]), String.valueOf(bounds[1])))
                    .isInstanceOfSatisfying(
                            InvalidInput.class,
                            e -> assertThat(e.code()).isEqualTo(ProblemCode.INSIGHTS_RANGE_INVALID));
        }
    }

    @Test
    void rowsGoInTheirDaysBucketAndEveryKnownKeyGetsASeries() {
        List<LocalDate> days = List.of(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-02"));
        long first = days.get(0).toEpochDay();
        DailyCounts counts = DailyCounts.bucket(
                days,
                List.of("email", "sms"),
                List.of(
                        new DailyCounts.Row(first + 1, "email", 3),
                        new DailyCounts.Row(first, "email", 1),
                        new DailyCounts.Row(first + 1, "email", 2),
                        new DailyCounts.Row(first, "fax", 5),
                        new DailyCounts.Row(first + 7, "sms", 9)));
        assertThat(counts.series()).extracting(DailyCounts.Series::name).containsExactly("email", "sms", "fax");
        assertThat(counts.series("email").counts()).containsExactly(1L, 5L);
        assertThat(counts.series("sms").counts())
                .as("a row outside the days is ignored")
                .containsExactly(0L, 0L);
        assertThat(counts.series("fax").counts()).containsExactly(5L, 0L);
        assertThat(counts.total()).isEqualTo(11);
        assertThat(counts.series("none").total()).isZero();
    }
}
