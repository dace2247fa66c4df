package org.opensspr.system;

import java.util.Objects;

/**
 * Start-up refused because starting would lose or expose state: a store the data dir says existed
 * is missing or empty, the secret key is not the one this installation had, a setting is unknown,
 * or the demo directory would serve off loopback. Its message is one line, what is wrong and then
 * what to do; {@link StartRefusedFailureAnalyzer} prints it as Spring Boot's start-up failure
 * report, without a stack trace, and the process exits non-zero.
 */
public final class StartRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String problem;
    private final String action;

    /**
     * @param problem what is wrong, naming the file, database or setting
     * @param action what the operator can do, including the way out of a deliberate fresh start
     */
    public StartRefusedException(String problem, String action) {
        super("Refusing to start: " + Objects.requireNonNull(problem, "problem cannot be null")
                + (problem.endsWith("?") || problem.endsWith(".") ? " " : ". ")
                + Objects.requireNonNull(action, "action cannot be null"));
        this.problem = problem;
        this.action = action;
    }

    public String problem() {
        return problem;
    }

    public String action() {
        return action;
    }
}
