package org.opensspr.console;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.opensspr.insights.DailyCounts;

/**
 * A chart's numbers as a table: one column per series (named for the reader), one row per day that
 * had any event (a month of empty days would bury the few that count), and the totals.
 */
record DailyTable(List<String> columns, List<Row> rows, List<Long> totals, long total) {

    /** A day and its count per column. */
    record Row(String day, List<Long> values, long total) {}

    static DailyTable of(DailyCounts counts, UnaryOperator<String> name) {
        List<String> columns =
                counts.series().stream().map(s -> name.apply(s.name())).toList();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < counts.days().size(); i++) {
            List<Long> values = new ArrayList<>();
            long total = 0;
            for (DailyCounts.Series series : counts.series()) {
                long value = series.counts().get(i);
                values.add(value);
                total += value;
            }
            if (total > 0) {
                rows.add(new Row(counts.days().get(i).toString(), values, total));
            }
        }
        List<Long> totals =
                counts.series().stream().map(DailyCounts.Series::total).toList();
        return new DailyTable(columns, rows, totals, counts.total());
    }
}
