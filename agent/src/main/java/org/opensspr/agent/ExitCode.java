package org.opensspr.agent;

/**
 * The exit codes of every {@code sspr-agent} command, one table for all of them, so that a script
 * or a package's maintainer script can rely on a number meaning the same thing whatever the
 * command. The README and docs/architecture.md list the same table.
 */
public enum ExitCode {
    /** Done: joined, synchronised and ready, the password reset or the account unlocked. */
    OK(0),
    /** Not done: the device is not ready ({@code check}, {@code sync}), or the reset did not complete ({@code logon}). */
    NOT_DONE(1),
    /** A bad option or unreadable input, or a system command that {@code install} needs failed. */
    USAGE(2),
    /** The server could not be reached, refused this device or gave an answer the agent does not understand. */
    SERVER(3),
    /** The device has not joined ({@code sync}, {@code logon}). */
    NOT_JOINED(4),
    /** Reset from the sign-in screen is not enabled on this device ({@code logon}). */
    NOT_ENABLED(5),
    /** Interrupted (Ctrl+C): 128 + SIGINT, as the shell reports it; the JVM itself exits with it. */
    INTERRUPTED(130);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** The process's exit status. */
    public int code() {
        return code;
    }
}
