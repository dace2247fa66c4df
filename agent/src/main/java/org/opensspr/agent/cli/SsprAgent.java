package org.opensspr.agent.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;
import org.opensspr.agent.AgentException;
import org.opensspr.agent.AgentLog;
import org.opensspr.agent.ExitCode;
import org.opensspr.agent.device.StateDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The logon-screen client of OpenSSPR. It runs on a device, before anyone is signed in, and
 * talks to the server with the device's credential. Every command ends with one of the
 * {@link ExitCode}s, the same table for all; a failure is an {@link AgentException}, printed as one
 * line on stderr that never holds a secret.
 */
@Command(
        name = "sspr-agent",
        mixinStandardHelpOptions = true,
        // Every subcommand takes --help and --version too ("sspr-agent join --help" prints the
        // command's usage and exits 0, not 2 for an unknown option).
        scope = CommandLine.ScopeType.INHERIT,
        versionProvider = SsprAgent.Version.class,
        description = "OpenSSPR logon-screen agent: self-service password reset from the sign-in screen.",
        subcommands = {
            JoinCommand.class,
            SyncCommand.class,
            CheckCommand.class,
            LoggingCommand.class,
            LogonCommand.class,
            BrokerCommand.class,
            InstallCommand.Install.class,
            InstallCommand.Uninstall.class
        })
public final class SsprAgent implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--state-dir",
            paramLabel = "DIR",
            scope = CommandLine.ScopeType.INHERIT,
            description =
                    "Where the agent keeps its credential, configuration and log (default: /var/lib/sspr-agent, or %%ProgramData%%\\OpenSSPR on Windows).")
    Path stateDir;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    public static CommandLine commandLine() {
        SsprAgent agent = new SsprAgent();
        CommandLine commandLine = new CommandLine(agent);
        commandLine.setExecutionStrategy(parseResult -> {
            StateDir state = agent.state();
            boolean verbose = state.verbose();
            if (verbose) {
                state.create();
            }
            try (AutoCloseable log = AgentLog.open(state.file(StateDir.LOG), verbose)) {
                return new CommandLine.RunLast().execute(parseResult);
            } catch (CommandLine.ExecutionException e) {
                throw e;
            } catch (Exception e) {
                throw new CommandLine.ExecutionException(commandLine, e.getMessage(), e);
            }
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            if (e instanceof AgentException failure) {
                AgentLog.LOG.fine(() -> cmd.getCommandName() + " failed: " + failure.getMessage());
                cmd.getErr().println("sspr-agent " + cmd.getCommandName() + ": " + failure.getMessage());
                cmd.getErr().flush();
                return failure.exitCode().code();
            }
            throw e;
        });
        return commandLine;
    }

    /** The state directory of this run: {@code --state-dir} or the platform's default. */
    StateDir state() {
        return new StateDir(stateDir == null ? StateDir.defaultPath() : stateDir);
    }

    @Override
    public void run() {
        // No subcommand: show what the agent can do instead of doing nothing silently.
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reads the version that Maven filtered into {@code sspr-agent.properties}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties properties = new Properties();
            try (InputStream in = SsprAgent.class.getResourceAsStream("/sspr-agent.properties")) {
                if (in == null) {
                    throw new IllegalStateException("sspr-agent.properties is missing from the jar");
                }
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[] {"sspr-agent " + properties.getProperty("version")};
        }
    }
}
