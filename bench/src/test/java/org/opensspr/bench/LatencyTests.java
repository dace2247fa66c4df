package org.opensspr.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyTests {

    @Test
    void percentilesOfAUniformSpreadAreWithinATenthOfAPercent() {
        Latency latency = new Latency();
        for (int ms = 1; ms <= 10_000; ms++) {
            latency.recordNanos(ms * 1_000_000L);
        }
        assertThat(latency.count()).isEqualTo(10_000);
        assertThat(latency.percentileMillis(50)).isCloseTo(5_000, within(5.0));
        assertThat(latency.percentileMillis(99)).isCloseTo(9_900, within(10.0));
        assertThat(latency.maxMillis()).isCloseTo(10_000, within(10.0));
        assertThat(latency.meanMillis()).isCloseTo(5_000.5, within(5.0));
    }

    @Test
    void aFewSlowOutliersShowInP99NotInP50() {
        Latency latency = new Latency();
        for (int i = 0; i < 980; i++) {
            latency.recordNanos(2_000_000L);
        }
        for (int i = 0; i < 20; i++) {
            latency.recordNanos(3_000_000_000L);
        }
        assertThat(latency.percentileMillis(50)).isCloseTo(2.0, within(0.01));
        assertThat(latency.percentileMillis(99)).isCloseTo(3_000, within(3.0));
    }

    @Test
    void nothingRecordedIsZeroAndSubMicrosecondCountsAsOne() {
        Latency latency = new Latency();
        assertThat(latency.percentileMillis(99)).isZero();
        assertThat(latency.maxMillis()).isZero();
        latency.recordNanos(10);
        assertThat(latency.maxMillis()).isCloseTo(0.001, within(0.0001));
    }

    @Test
    void statsCountOnlyOperationsThatEndInTheWindowTowardsTheRate() {
        Stats stats = new Stats(1_000, List.of("b", "a"));
        stats.success(0, 900);
        stats.success(500, 1_500);
        stats.error("start:http-500");
        stats.error("start:http-500");
        stats.error("mail-wait:mail-timeout");
        stats.step("a", 5);
        stats.step("c", 5);
        stats.step("b", 5);
        assertThat(stats.ok()).isEqualTo(2);
        assertThat(stats.okInWindow()).isEqualTo(1);
        assertThat(stats.errorCount()).isEqualTo(3);
        assertThat(stats.errorSummary(1)).isEqualTo("2 start:http-500, ...");
        assertThat(stats.steps().keySet()).containsExactly("b", "a", "c");
    }
}
