package org.opensspr.agent.logon;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * A terminal that types from a script and records the screen: prompts, printed lines and the
 * echo of ordinary input. Secrets are not echoed, as on a real console. The end of the script
 * is the end of input.
 */
public final class ScriptedLogonTerminal implements LogonTerminal {

    private final Deque<String> script;
    private final StringBuilder screen = new StringBuilder();

    public ScriptedLogonTerminal(String... script) {
        this.script = new ArrayDeque<>(Arrays.asList(script));
    }

    @Override
    public synchronized void println(String line) {
        screen.append(line).append('\n');
    }

    @Override
    public synchronized String readLine(String prompt) {
        String line = script.poll();
        screen.append(prompt).append(line == null ? "" : line).append('\n');
        return line;
    }

    @Override
    public synchronized char[] readSecret(String prompt) {
        String line = script.poll();
        screen.append(prompt).append('\n');
        return line == null ? null : line.toCharArray();
    }

    public synchronized String screen() {
        return screen.toString();
    }

    public synchronized int unread() {
        return script.size();
    }
}
