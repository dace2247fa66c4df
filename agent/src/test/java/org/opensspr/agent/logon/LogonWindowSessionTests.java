package org.opensspr.agent.logon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opensspr.agent.AgentException;
import org.opensspr.agent.AgentRun;

/** The window's time limit: minutes or seconds, never past the logon session's 15 minutes. */
class LogonWindowSessionTests {

    @Test
    void aTimeoutIsMinutesOrSecondsWithinTheLogonSessionsLife() {
        assertThat(LogonWindowSession.parse("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(LogonWindowSession.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(LogonWindowSession.parse("15m")).isEqualTo(Duration.ofMinutes(15));
        for (String bad : new String[] {"16m", "901s", "5s", "0m", "10", "ten minutes", "-1m", "1h"}) {
            assertThatThrownBy(() -> LogonWindowSession.parse(bad))
                    .as(bad)
                    .isInstanceOf(AgentException.class)
                    .hasMessageContaining("--window-timeout must be like 10m or 90s");
        }
    }

    @Test
    void aBadTimeoutIsAUsageErrorBeforeAnyWindowOpens() {
        AgentRun run = AgentRun.of("logon", "--window", "--window-timeout", "1h");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--window-timeout must be like 10m or 90s, from 10s to 15m, not '1h'");
    }
}
