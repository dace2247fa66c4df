package org.opensspr.insights;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts per UTC day, one series per key (a ClientType, a method), each as long as {@code days}
 * with zeros where nothing happened: the data of a stacked-bar-over-time chart and of its table.
 */
public record DailyCounts(List<LocalDate> days, List<Series> series) {

    public DailyCounts {
        days = List.copyOf(days);
        series = List.copyOf(series);
        for (Series s : series) {
            if (s.counts().size() != days.size()) {
                throw new IllegalArgumentException("series '" + s.name() + "' must have one count per day");
            }
        }
    }

    /** One key's counts, day by day. */
    public record Series(String name, List<Long> counts) {
        public Series {
            counts = List.copyOf(counts);
        }

        public long total() {
            return counts.stream().mapToLong(Long::longValue).sum();
        }
    }

    /** All series together over the whole range. */
    public long total() {
        return series.stream().mapToLong(Series::total).sum();
    }

    /** The series named {@code name}; empty counts of zero when there is none. */
    public Series series(String name) {
        return series.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseGet(() -> new Series(name, days.stream().map(day -> 0L).toList()));
    }

    /** One row of a daily GROUP BY: the UTC day as days since the epoch, the key, the count. */
    record Row(long epochDay, String key, long count) {}

    /**
     * Puts grouped rows in their day's bucket. Every key in {@code keys} gets a series, in that
     * order, even when all zero (a chart's legend and colours stay the same from range to range);
     * a key not in it (a method no longer known) comes after them. Rows outside {@code days} are ignored.
     */
    static DailyCounts bucket(List<LocalDate> days, List<String> keys, List<Row> rows) {
        Map<Long, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < days.size(); i++) {
            index.put(days.get(i).toEpochDay(), i);
        }
        Map<String, long[]> counts = new LinkedHashMap<>();
        keys.forEach(key -> counts.put(key, new long[days.size()]));
        rows.stream()
                .map(Row::key)
                .filter(key -> !counts.containsKey(key))
                .distinct()
                .sorted()
                .forEach(key -> counts.put(key, new long[days.size()]));
        for (Row row : rows) {
            Integer at = index.get(row.epochDay());
            if (at != null) {
                counts.get(row.key())[at] += row.count();
            }
        }
        List<Series> series = new ArrayList<>();
        counts.forEach((key, values) -> {
            List<Long> list = new ArrayList<>(values.length);
            for (long value : values) {
                list.add(value);
            }
            series.add(new Series(key, list));
        });
        return new DailyCounts(days, series);
    }
}
