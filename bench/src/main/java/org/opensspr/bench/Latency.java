package org.opensspr.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * A latency histogram in microseconds (HdrHistogram, 3 significant digits, so a percentile is
 * within 0.1% of the recorded value), safe to record into from many threads.
 */
final class Latency {

    private final Histogram histogram = new ConcurrentHistogram(3);

    void recordNanos(long nanos) {
        histogram.recordValue(Math.max(1, nanos / 1_000));
    }

    long count() {
        return histogram.getTotalCount();
    }

    /** The {@code percentile} (0-100) in milliseconds; 0 when nothing was recorded. */
    double percentileMillis(double percentile) {
        return count() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1_000.0;
    }

    double maxMillis() {
        return count() == 0 ? 0 : histogram.getMaxValue() / 1_000.0;
    }

    double meanMillis() {
        return count() == 0 ? 0 : histogram.getMean() / 1_000.0;
    }
}
