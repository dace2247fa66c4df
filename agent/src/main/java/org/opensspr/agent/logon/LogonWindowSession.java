package org.opensspr.agent.logon;

import java.awt.HeadlessException;
import java.time.Duration;
import java.util.function.ToIntFunction;
import org.opensspr.agent.AgentException;
import org.opensspr.agent.Durations;
import org.opensspr.agent.ExitCode;

/**
 * One reset in the full-screen {@link LogonWindow}, bounded in time: the graphical sign-in runs
 * exactly one flow and then returns to the greeter, like Windows' temporary {@code defaultuser1}
 * session. The window is opened, the dialogue runs in it, the result stays on screen until the user
 * presses Enter (at most a minute), and the window closes; the process then exits and with it the
 * {@code reset} account's X session. A watchdog ends the process {@value #GRACE_SECONDS} seconds
 * after the timeout even when the dialogue hangs in a request, so that no reset window outlives
 * its time (the server's logon session lives 15 minutes, hence the maximum).
 */
public final class LogonWindowSession {

    static final int MAX_MINUTES = 15;
    static final int GRACE_SECONDS = 30;
    static final Duration MIN = Duration.ofSeconds(10);

    private LogonWindowSession() {}

    /** Runs {@code dialogue} in a window that closes after {@code timeout} (like {@code 10m}, {@code 90s}); returns its exit code. */
    public static int run(String timeout, ToIntFunction<LogonTerminal> dialogue) {
        return run(parse(timeout), dialogue);
    }

    /** {@code 10m}, {@code 90s} (any form {@link Durations} reads): from 10 seconds to {@value #MAX_MINUTES} minutes. */
    static Duration parse(String timeout) {
        Duration parsed;
        try {
            parsed = Durations.parse(timeout);
        } catch (IllegalArgumentException e) {
            parsed = null;
        }
        if (parsed == null || parsed.compareTo(MIN) < 0 || parsed.compareTo(Duration.ofMinutes(MAX_MINUTES)) > 0) {
            throw new AgentException(
                    ExitCode.USAGE,
                    "--window-timeout must be like 10m or 90s, from 10s to " + MAX_MINUTES + "m, not '" + timeout
                            + "'");
        }
        return parsed;
    }

    static int run(Duration timeout, ToIntFunction<LogonTerminal> dialogue) {
        Thread watchdog = new Thread(
                () -> {
                    try {
                        Thread.sleep(timeout.plusSeconds(GRACE_SECONDS).toMillis());
                        Runtime.getRuntime().halt(ExitCode.NOT_DONE.code());
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
            return ExitCode.NOT_DONE.code();
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
