package org.opensspr.agent;

/**
 * A failure the agent explains to its user in one line, with the exit code it ends with. The
 * message never holds a secret.
 */
final class AgentException extends RuntimeException {

    /** Exit code: the device is not ready (check, sync). */
    static final int NOT_READY = 1;
    /** Exit code: bad arguments or unreadable input (picocli uses the same code for usage errors). */
    static final int USAGE = 2;
    /** Exit code: the server could not be reached or refused the request. */
    static final int SERVER = 3;

    private final int exitCode;

    AgentException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    AgentException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
