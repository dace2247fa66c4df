package org.opensspr.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonTests {

    @Test
    void objectsQuoteAndEscape() {
        assertThat(Json.object("login", "user00001", "contact", "a\"b\\c\n"))
                .isEqualTo("{\"login\":\"user00001\",\"contact\":\"a\\\"b\\\\c\\n\"}");
        assertThat(Json.quote("\u0001")).isEqualTo("\"\\u0001\"");
    }

    @Test
    void aStringFieldIsReadFromAnAnswer() {
        String answer = "{\"flowId\":\"Zt3-_x\",\"expiresAt\":\"2026-01-01T00:00:00Z\",\"required\":1,"
                + "\"methods\":[{\"id\":\"email\",\"type\":\"email\",\"hint\":\"u*****@e*****.org\"}]}";
        assertThat(Json.string(answer, "flowId")).isEqualTo("Zt3-_x");
        assertThat(Json.string(answer, "hint")).isEqualTo("u*****@e*****.org");
        assertThat(Json.string(answer, "required")).isNull();
        assertThat(Json.string(null, "flowId")).isNull();
        assertThat(Json.string("{\"key\" : \"sspr_abc\"}", "key")).isEqualTo("sspr_abc");
    }

    @Test
    void procStatCpuTimeIsUtimePlusStimeEvenWithSpacesInTheName() {
        String stat = "1234 (java main) S 1 1234 1234 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 30 0 100 0 0";
        assertThat(ProcStat.parse(stat)).isEqualTo(3.0);
        assertThat(ProcStat.self()).isPositive();
    }

    @Test
    void machineBusyTimeLeavesOutIdleAndIowait() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        assertThat(ProcStat.parseMachine("cpu  100 20 30 5000 400 5 5 40 0 0")).isEqualTo(2.0);
    }
}
