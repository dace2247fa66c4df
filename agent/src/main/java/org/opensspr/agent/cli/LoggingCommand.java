package org.opensspr.agent.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.opensspr.agent.AgentException;
import org.opensspr.agent.ExitCode;
import org.opensspr.agent.device.StateDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code logging --verbose on|off}: the agent's equivalent of Windows' {@code EnableLogging}
 * value. Persisted in {@code agent.properties}; verbose output goes to {@code agent.log} in the
 * state directory and never holds a secret. Without {@code --verbose} it prints the setting.
 */
@Command(
        name = "logging",
        description = "Turn verbose logging to <state-dir>/agent.log on or off (it never holds a secret).")
final class LoggingCommand implements Callable<Integer> {

    @ParentCommand
    SsprAgent agent;

    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", paramLabel = "on|off", description = "on or off")
    String verbose;

    @Override
    public Integer call() {
        StateDir state = agent.state();
        if (verbose != null) {
            String v = verbose.strip().toLowerCase(Locale.ROOT);
            if (!v.equals("on") && !v.equals("off")) {
                throw new AgentException(ExitCode.USAGE, "--verbose takes on or off, not '" + verbose + "'");
            }
            state.saveVerbose(v.equals("on"));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(state.verbose() ? "Verbose logging is on: " + state.file(StateDir.LOG) : "Verbose logging is off.");
        out.flush();
        return 0;
    }
}
