package org.opensspr.agent.logon;

/**
 * Where the {@code logon} dialogue talks to the person at the sign-in screen: a console in
 * production ({@link LogonConsoleTerminal}), a script in the tests.
 */
public interface LogonTerminal {

    /** Shows one line of text. */
    void println(String line);

    /** Shows the prompt and reads one line; null when the input has ended (EOF, Ctrl+D). */
    String readLine(String prompt);

    /**
     * Shows the prompt and reads a secret without echoing it where a console exists; null when
     * the input has ended. The caller clears the array when done and never prints or logs it.
     */
    char[] readSecret(String prompt);
}
