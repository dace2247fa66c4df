package org.opensspr.agent;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * A terminal that types from a script and records the screen: prompts, printed lines and the
 * echo of ordinary input. Secrets are not echoed, as on a real console. The end of the script
 * is the end of input.
 */
final class ScriptedLogonTerminal implements LogonTerminal {

    private final Deque<String> script;
    private final StringBuilder screen = new StringBuilder();

    ScriptedLogonTerminal(String... script) {
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

    synchronized String screen() {
        return screen.toString();
    }

    synchronized int unread() {
        return script.size();
    }
}
