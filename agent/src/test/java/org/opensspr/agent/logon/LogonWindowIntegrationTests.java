package org.opensspr.agent.logon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensspr.agent.ExitCode;
import org.opensspr.agent.LogonStubServer;

/**
 * The packaged {@code sspr-agent.jar logon --window} on an X server of its own (Xvfb on a free
 * display, no window manager) against {@link LogonStubServer}: Escape cancels, the window ends at
 * its timeout whatever it waits for, and nothing is left on the display. Needs Xvfb, xdotool and
 * x11-utils ({@code .ci/run} installs them); the full graphical sign-in with a display manager is
 * {@code linux.GraphicalSignInIntegrationTests}.
 */
class LogonWindowIntegrationTests {

    @TempDir
    Path stateDir;

    private LogonStubServer stub;
    private Process xvfb;
    private String display;
    private Process agent;

    @BeforeEach
    void startDisplayAndStub() throws Exception {
        assumeTrue(System.getProperty("os.name").equals("Linux"), "Linux only");
        for (String tool : List.of("Xvfb", "xdotool", "xwininfo")) {
            assertThat(new ProcessBuilder("sh", "-c", "command -v " + tool)
                            .start()
                            .waitFor())
                    .as(tool + " must be installed (see .ci/run)")
                    .isZero();
        }
        stub = new LogonStubServer(true);
        stub.writeState(stateDir, true);
        // -displayfd: Xvfb picks a free display and writes its number once it accepts connections.
        xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "800x600x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.UTF_8));
        String number = out.readLine();
        assertThat(number).as("Xvfb's display number").matches("[0-9]+");
        display = ":" + number;
    }

    @AfterEach
    void stopAll() throws Exception {
        if (agent != null && agent.isAlive()) {
            agent.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
        if (xvfb != null) {
            xvfb.destroy();
            xvfb.waitFor(20, TimeUnit.SECONDS);
        }
        if (stub != null) {
            stub.close();
        }
    }

    @Test
    void escapeCancelsTheResetAndEnterClosesTheWindow() throws Exception {
        startAgent("10m");
        awaitTitle("Press Enter to reset your password");
        key("Return");
        awaitTitle("User name:");
        key("Escape");
        awaitTitle(LogonWindow.ACKNOWLEDGE);
        key("Return");

        assertThat(agent.waitFor(30, TimeUnit.SECONDS)).as("the agent ends").isTrue();
        assertThat(agent.exitValue()).isEqualTo(ExitCode.NOT_DONE.code());
        assertThat(windows()).as("nothing is left on the display").isEmpty();
        assertThat(stub.requests).noneMatch(r -> r.startsWith("POST /api/v1/reset/"));
    }

    @Test
    void theWindowClosesWhenItsTimeIsUpWhileItWaitsForTheUser() throws Exception {
        startAgent("10s");
        awaitTitle("Press Enter to reset your password");
        key("Return");
        awaitTitle("User name:");

        // Nobody types: at 10 s the question gives up, the dialogue is cancelled and the window closes.
        assertThat(agent.waitFor(40, TimeUnit.SECONDS))
                .as("the agent ends at its timeout")
                .isTrue();
        assertThat(agent.exitValue()).isEqualTo(ExitCode.NOT_DONE.code());
        assertThat(windows()).as("nothing is left on the display").isEmpty();
    }

    private void startAgent(String timeout) throws Exception {
        String jar = System.getProperty("sspr.agent.jar", "target/sspr-agent.jar");
        assertThat(Path.of(jar))
                .as("the packaged agent (run through mvn verify)")
                .isRegularFile();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                        java,
                        "-jar",
                        jar,
                        "logon",
                        "--state-dir",
                        stateDir.toString(),
                        "--window",
                        "--window-timeout",
                        timeout)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("DISPLAY", display);
        agent = builder.start();
    }

    private void awaitTitle(String question) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<String> seen = List.of();
        while (System.nanoTime() < deadline && agent.isAlive()) {
            seen = windows();
            if (seen.stream().anyMatch(w -> w.contains("\"Reset password: " + question))) {
                return;
            }
            Thread.sleep(100);
        }
        fail("no window asking '" + question + "' (agent " + (agent.isAlive() ? "running" : "exited") + "): " + seen);
    }

    private List<String> windows() throws Exception {
        return run("xwininfo", "-root", "-children")
                .lines()
                .map(String::strip)
                .filter(l -> l.startsWith("0x"))
                .toList();
    }

    private void key(String keys) throws Exception {
        run("xdotool", "key", keys);
    }

    private String run(String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true);
        builder.environment().put("DISPLAY", display);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as(String.join(" ", command) + ": " + output)
                .isZero();
        return output;
    }
}
