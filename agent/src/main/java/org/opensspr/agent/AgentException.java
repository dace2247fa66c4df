package org.opensspr.agent;

import java.util.List;
import java.util.Optional;

/**
 * The one failure type of the agent: what went wrong in one line for the admin who ran the command
 * ({@link #getMessage}), the same for the person at the sign-in screen in words they can act on
 * ({@link #userMessage}), the {@link ExitCode} the command ends with and, when the server answered
 * with an RFC 9457 problem, that {@link Problem}. No message ever holds a secret.
 */
public final class AgentException extends RuntimeException {

    /** What the sign-in screen shows when the server refuses the device credential (unknown, disabled, deleted). */
    public static final String DEVICE_NOT_ACCEPTED =
            "Password reset is not available on this computer right now. Use another device or ask your helpdesk.";

    private final ExitCode exitCode;
    private final String userMessage;
    private final Problem problem;

    public AgentException(ExitCode exitCode, String message) {
        this(exitCode, message, message, null, null);
    }

    public AgentException(ExitCode exitCode, String message, Throwable cause) {
        this(exitCode, message, message, null, cause);
    }

    private AgentException(ExitCode exitCode, String message, String userMessage, Problem problem, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.userMessage = userMessage;
        this.problem = problem;
    }

    /** The server could not be reached: {@code message} for the admin, {@code userMessage} for the sign-in screen. */
    public static AgentException unreachable(String message, String userMessage, Throwable cause) {
        return new AgentException(ExitCode.SERVER, message, userMessage, null, cause);
    }

    /**
     * The server answered with a problem; {@code message} says which request it refused. The user
     * is shown the server's {@code detail}, except for a refused device credential (401), whose detail
     * is for admins: the user learns only that reset is not available here.
     */
    public static AgentException refused(String message, Problem problem) {
        String forUser = problem.status() == 401 ? DEVICE_NOT_ACCEPTED : problem.detail();
        return new AgentException(ExitCode.SERVER, message, forUser, problem, null);
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    /** What the person at the sign-in screen is shown: the server's {@code detail}, or plain words. */
    public String userMessage() {
        return userMessage;
    }

    /** The server's problem, when it answered with one. */
    public Optional<Problem> problem() {
        return Optional.ofNullable(problem);
    }

    /**
     * An RFC 9457 problem as the server sent it.
     *
     * @param status     the HTTP status (0 when it came from the broker without one)
     * @param type       the last segment of the problem type ({@code code-invalid}), or {@code http-<status>}
     * @param detail     the server's words for the user, in the user's language
     * @param violations the password rules a refused password broke, as sentences
     */
    public record Problem(int status, String type, String detail, List<String> violations) {
        public Problem {
            violations = List.copyOf(violations);
        }
    }
}
