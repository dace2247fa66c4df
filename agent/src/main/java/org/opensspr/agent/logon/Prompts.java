package org.opensspr.agent.logon;

import java.util.Arrays;
import org.opensspr.agent.AgentException;
import org.opensspr.agent.AgentException.Problem;

/**
 * How the dialogue asks and tells through its {@link LogonTerminal}: a line, a non-empty line, a
 * secret without echo; the end of input (EOF, Ctrl+D, a closed window) as {@link EndOfInput}; and a
 * refusal of the server shown the one way the sign-in screen shows them (the words for the user
 * and a support hint with the problem's code).
 */
final class Prompts {

    private final LogonTerminal terminal;

    Prompts(LogonTerminal terminal) {
        this.terminal = terminal;
    }

    void println(String line) {
        terminal.println(line);
    }

    /** The server's words for the user, and the code the helpdesk looks up. */
    void showProblem(AgentException e, Problem problem) {
        terminal.println(e.userMessage());
        terminal.println(hint(problem));
    }

    static String hint(Problem problem) {
        return "If you need help, ask your helpdesk and mention \"" + problem.type() + "\".";
    }

    String ask(String prompt) {
        String line = terminal.readLine(prompt);
        if (line == null) {
            throw new EndOfInput();
        }
        return line;
    }

    String askNonEmpty(String prompt) {
        while (true) {
            String line = ask(prompt);
            if (!line.isBlank()) {
                return line;
            }
        }
    }

    char[] secretNonEmpty(String prompt) {
        while (true) {
            char[] secret = secret(prompt);
            if (!new String(secret).isBlank()) {
                return secret;
            }
            Arrays.fill(secret, '\0');
        }
    }

    char[] secret(String prompt) {
        char[] secret = terminal.readSecret(prompt);
        if (secret == null) {
            throw new EndOfInput();
        }
        return secret;
    }

    /** The input ended (EOF, Ctrl+D): the dialogue stops cleanly. */
    static final class EndOfInput extends RuntimeException {
        EndOfInput() {
            super(null, null, false, false);
        }
    }
}
