package org.opensspr.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatTests {

    /** A postmaster's /proc/<pid>/stat: utime 120, stime 30, cutime 400, cstime 50 ticks; its name has a space. */
    private static final String STAT =
            "4242 (postgres main) S 1 4242 4242 0 -1 4194560 9000 100 0 0 120 30 400 50 20 0 1"
                    + " 0 100 230000000 5000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

    @Test
    void ownTimeIsUtimePlusStime() {
        assertThat(ProcStat.parse(STAT)).isEqualTo(1.5);
    }

    @Test
    void withChildrenAddsTheReapedChildrensTime() {
        assertThat(ProcStat.parseWithChildren(STAT)).isEqualTo(6.0);
    }

    @Test
    void aProcessThatIsGoneIsUnknown() {
        assertThat(ProcStat.treeCpuSeconds(-5)).isEqualTo(-1);
    }
}
