package org.opensspr.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SsprAgentTests {

    private final StringWriter out = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = SsprAgent.commandLine();
        commandLine.setOut(new PrintWriter(out));
        return commandLine.execute(args);
    }

    @Test
    void versionPrintsTheProjectVersion() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).matches("(?s)sspr-agent \\d+\\.\\d+\\.\\d+.*\\R");
    }

    @Test
    void helpNamesTheCommandAndItsOptions() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString())
                .contains("Usage: sspr-agent")
                .contains("--version")
                .contains("--help");
    }

    @Test
    void helpListsTheCommandsAndTheStateDirWithoutFormatWarnings() {
        java.io.ByteArrayOutputStream stderr = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.err;
        System.setErr(new java.io.PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            assertThat(run("--help")).isZero();
        } finally {
            System.setErr(original);
        }
        assertThat(out.toString())
                .contains("join")
                .contains("sync")
                .contains("check")
                .contains("logging")
                .contains("%ProgramData%");
        assertThat(stderr.toString(StandardCharsets.UTF_8)).doesNotContain("WARN");
    }

    @Test
    void everyCommandsHelpPrintsItsUsageAndExitsZero() {
        for (String command :
                new String[] {"join", "sync", "check", "logging", "logon", "broker", "install", "uninstall"}) {
            out.getBuffer().setLength(0);
            assertThat(run(command, "--help")).as(command + " --help").isZero();
            assertThat(out.toString()).as(command + " --help").contains("Usage: sspr-agent " + command);
        }
    }

    @Test
    void unknownOptionIsAnErrorNotSilence() {
        CommandLine commandLine = SsprAgent.commandLine();
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err));
        assertThat(commandLine.execute("--frobnicate")).isNotZero();
        assertThat(err.toString()).contains("Unknown option");
    }
}
