package org.opensspr.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerProcessTests {

    @Test
    void theHeapInUseIsTheWholeHeapOfG1() {
        String g1 = """
                16766:
                 garbage-first heap   total 794624K, used 233421K [0x0000000687400000, 0x0000000800000000)
                  region size 4096K, 2 young (8192K), 0 survivors (0K)
                 Metaspace       used 67772K, committed 68480K, reserved 1114112K
                  class space    used 8430K, committed 8768K, reserved 1048576K
                """;

        assertThat(ServerProcess.heapUsedKib(g1)).isEqualTo(233421);
    }

    @Test
    void theHeapInUseOfTheSerialCollectorIsBothGenerations() {
        String serial = """
                16989:
                 def new generation   total 116224K, used 4510K [0x0000000687400000, 0x000000068f210000)
                  eden space 103360K,   4% used [0x0000000687400000, 0x00000006878679f0, 0x000000068d8f0000)
                  from space 12864K,   0% used [0x000000068e580000, 0x000000068e580000, 0x000000068f210000)
                 tenured generation   total 258048K, used 225403K [0x0000000704d50000, 0x0000000714950000)
                   the space 258048K,  87% used [0x0000000704d50000, 0x000000071296ef28, 0x0000000714950000)
                 Metaspace       used 67916K, committed 68608K, reserved 1114112K
                """;

        assertThat(ServerProcess.heapUsedKib(serial)).isEqualTo(4510 + 225403);
    }

    @Test
    void aReportWithoutAHeapLineIsUnknown() {
        assertThat(ServerProcess.heapUsedKib("")).isEqualTo(-1);
    }
}
