package org.opensspr.agent.logon;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;

/**
 * The real terminal: {@link System#console()} when there is one, so that secrets are read with
 * echo off ({@link Console#readPassword}); otherwise plain standard input and output (a pipe, a
 * test), where a secret is read as an ordinary line and nothing is echoed by us.
 */
public final class LogonConsoleTerminal implements LogonTerminal {

    private final Console console;
    private final BufferedReader in;
    private final PrintStream out;

    public LogonConsoleTerminal() {
        this.console = System.console();
        this.in =
                console == null ? new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())) : null;
        this.out = System.out;
    }

    /**
     * Always through {@link System#out} (the same terminal when there is a console): the console's
     * own writer is locked while it waits for input, and the Ctrl+C message is printed then.
     */
    @Override
    public void println(String line) {
        out.println(line);
        out.flush();
    }

    @Override
    public String readLine(String prompt) {
        if (console != null) {
            return console.readLine("%s", prompt);
        }
        out.print(prompt);
        out.flush();
        try {
            return in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public char[] readSecret(String prompt) {
        if (console != null) {
            return console.readPassword("%s", prompt);
        }
        String line = readLine(prompt);
        return line == null ? null : line.toCharArray();
    }
}
