package org.opensspr.agent.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;

/**
 * Feeds arbitrary bytes to {@link RegReader}: it must return, never throw, and stay fast. Under
 * {@code mvn test} this replays the seeds in {@code src/test/resources/org/opensspr/agent/registry/RegReaderFuzzTestsInputs/};
 * with {@code JAZZER_FUZZ=1} Jazzer mutates them for real (see the README).
 */
class RegReaderFuzzTests {

    private final RegReader reader = new RegReader();

    @FuzzTest(maxDuration = "2m")
    void parseNeverThrows(byte[] input) {
        long start = System.nanoTime();
        RegFile file = reader.parse(input);
        assertThat(file).isNotNull();
        assertThat(file.warnings().size()).isLessThanOrEqualTo(RegReader.MAX_WARNINGS + 1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }
}
