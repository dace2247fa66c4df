package org.opensspr.agent.logon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensspr.agent.ExitCode;
import org.opensspr.agent.LogonStubServer;

/**
 * Runs the packaged {@code sspr-agent.jar logon} in a real terminal (tmux, on a socket of its own)
 * against {@link LogonStubServer}, types into it with {@code tmux send-keys} and reads the screen
 * with {@code tmux capture-pane}: the password prompt must not echo. Needs {@code tmux} on the PATH.
 */
class LogonTerminalIntegrationTests {

    private static final long WAIT_MILLIS = 20_000;
    private static final String REJECTED = "short-pw1";
    private static final String ACCEPTED = "Tea-Party-at-Four!";

    @TempDir
    Path stateDir;

    private final String socket =
            "sspr-logon-it-" + UUID.randomUUID().toString().substring(0, 8);
    private LogonStubServer stub;

    @BeforeEach
    void startStub() throws IOException {
        stub = new LogonStubServer(true);
        stub.writeState(stateDir, true);
    }

    @AfterEach
    void stopEverything() throws Exception {
        try {
            tmux("kill-server");
        } finally {
            stub.close();
        }
    }

    @Test
    void theUserResetsThePasswordInARealTerminalAndThePasswordIsNeverOnTheScreen() throws Exception {
        startAgent();
        waitFor("Press Enter to reset your password");
        assertThat(screen()).contains(LogonDialogue.MENU);
        type("");
        waitFor("User name: ");
        type("alice");
        waitFor("Method [1-1]: ");
        type("1");
        waitFor("Type your full email address (a*****@e*****.org)");
        type("alice@example.org");
        waitFor("Code (Enter to go back): ");
        type("11111111");
        waitFor("The code is wrong or has expired.");
        type(LogonStubServer.CODE);
        waitFor("New password: ");
        type(REJECTED);
        waitFor("Type it again: ");
        type(REJECTED);
        waitFor(LogonStubServer.VIOLATION);
        waitFor("Choose another one.");
        type(ACCEPTED);
        waitFor("Type it again: ", 2);
        type(ACCEPTED);
        waitFor("agent exited with 0");

        String screen = screen();
        Files.writeString(Paths.get("target", "logon-terminal-screen.txt"), screen, StandardCharsets.UTF_8);
        assertThat(screen)
                .contains(LogonDialogue.SUCCESS)
                .doesNotContain(REJECTED)
                .doesNotContain(ACCEPTED);
        assertThat(stub.acceptedPassword).isEqualTo(ACCEPTED);
    }

    @Test
    void ctrlCAtAPromptEndsTheDialogueCleanly() throws Exception {
        startAgent();
        waitFor("Press Enter to reset your password");
        type("");
        waitFor("User name: ");
        tmux("send-keys", "-t", "logon", "C-c");
        waitFor("agent exited with " + ExitCode.INTERRUPTED.code());

        assertThat(screen()).contains(LogonDialogue.CANCELLED);
        assertThat(stub.requests).noneMatch(r -> r.startsWith("POST /api/v1/reset/"));
    }

    private void startAgent() throws Exception {
        String jar = System.getProperty("sspr.agent.jar", "target/sspr-agent.jar");
        assertThat(Path.of(jar))
                .as("the packaged agent (run through mvn verify)")
                .isRegularFile();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "trap true INT; " + quote(java) + " -jar " + quote(jar) + " logon --state-dir "
                + quote(stateDir.toString()) + "; echo \"agent exited with $?\"; sleep 600";
        tmux("new-session", "-d", "-s", "logon", "-x", "120", "-y", "50", command);
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private void type(String text) throws Exception {
        if (!text.isEmpty()) {
            tmux("send-keys", "-t", "logon", "-l", text);
        }
        tmux("send-keys", "-t", "logon", "Enter");
    }

    private void waitFor(String text) throws Exception {
        waitFor(text, 1);
    }

    /** Polls the pane until the text is on it the given number of times, at most 20 seconds. */
    private void waitFor(String text, int times) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = screen();
            if (screen.split(java.util.regex.Pattern.quote(text), -1).length - 1 >= times) {
                return;
            }
            Thread.sleep(100);
        }
        fail("waited 20 s for '" + text + "' (" + times + "x); the screen:\n" + screen);
    }

    private String screen() throws Exception {
        return tmux("capture-pane", "-p", "-J", "-t", "logon");
    }

    private String tmux(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("TMUX");
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("tmux " + String.join(" ", args) + " did not finish");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0 && !args[0].equals("kill-server")) {
            fail("tmux " + String.join(" ", args) + " failed: " + text);
        }
        return text;
    }
}
