package org.opensspr.agent;

import java.awt.HeadlessException;
import java.time.Duration;
import java.util.function.ToIntFunction;

/**
 * One reset in the full-screen {@link LogonWindow}, bounded in time: the graphical sign-in runs
 * exactly one flow and then returns to the greeter, like Windows' temporary {@code defaultuser1}
 * session. The window is opened, the dialogue runs in it, the result stays on screen until the user
 * presses Enter (at most a minute), and the window closes; the process then exits and with it the
 * {@code reset} account's X session. A watchdog ends the process {@value #GRACE_SECONDS} seconds
 * after the timeout even when the dialogue hangs in a request, so that no reset window outlives
 * its time (the server's logon session lives 15 minutes, hence the maximum).
 */
final class LogonWindowSession {

    static final int MAX_MINUTES = 15;
    static final int GRACE_SECONDS = 30;

    private LogonWindowSession() {}

    /** Runs {@code dialogue} in a window that closes after {@code minutes}; returns the dialogue's exit code. */
    static int run(int minutes, ToIntFunction<LogonTerminal> dialogue) {
        if (minutes < 1 || minutes > MAX_MINUTES) {
            throw new AgentException(
                    AgentException.USAGE, "--window-timeout must be 1 to " + MAX_MINUTES + " minutes, not " + minutes);
        }
        Duration timeout = Duration.ofMinutes(minutes);
        Thread watchdog = new Thread(
                () -> {
                    try {
                        Thread.sleep(timeout.plusSeconds(GRACE_SECONDS).toMillis());
                        Runtime.getRuntime().halt(LogonDialogue.NOT_COMPLETED);
                    } catch (InterruptedException e) {
                        // the window closed in time
                    }
                },
                "sspr-agent-logon-window-timeout");
        watchdog.setDaemon(true);
        watchdog.start();
        LogonWindow window;
        try {
            window = LogonWindow.open(timeout);
        } catch (HeadlessException e) {
            watchdog.interrupt();
            System.err.println(e.getMessage());
            return LogonDialogue.NOT_COMPLETED;
        }
        try {
            int exitCode = dialogue.applyAsInt(window);
            window.awaitAcknowledgement(Duration.ofMinutes(1));
            return exitCode;
        } finally {
            window.close();
            watchdog.interrupt();
        }
    }
}
