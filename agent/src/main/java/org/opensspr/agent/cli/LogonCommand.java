package org.opensspr.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.opensspr.agent.AgentException;
import org.opensspr.agent.AgentLog;
import org.opensspr.agent.ExitCode;
import org.opensspr.agent.device.DeviceCredential;
import org.opensspr.agent.device.StateDir;
import org.opensspr.agent.logon.LogonBroker;
import org.opensspr.agent.logon.LogonConsoleTerminal;
import org.opensspr.agent.logon.LogonDialogue;
import org.opensspr.agent.logon.LogonTerminal;
import org.opensspr.agent.logon.LogonWindowSession;
import org.opensspr.agent.logon.SessionSource;
import org.opensspr.agent.server.ResetFlowClient;
import org.opensspr.agent.server.ServerClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sspr-agent logon}: the interactive reset for the sign-in screen, in a terminal (or, with
 * {@code --window}, in the full-screen window of the graphical sign-in, see {@link LogonWindowSession}).
 * Reads the device credential from {@code <state-dir>/device.properties} and the effective
 * configuration from {@code <state-dir>/configuration.json} (both through {@link StateDir}); shows
 * "Forgot password? / Reset password" only when the configuration enables reset.
 *
 * <p>Exit codes ({@link ExitCode}): 0 the password was reset (or the account unlocked); 1 the
 * reset did not complete (cancelled, refused); 3 the server cannot be reached or refused this
 * device; 4 the device is not joined; 5 reset from the sign-in screen is not enabled on this
 * device; 130 interrupted (Ctrl+C). The session token stays in memory and the password is never
 * shown; what is meant for admins goes to the log, not to the screen.
 */
@Command(
        name = "logon",
        mixinStandardHelpOptions = true,
        versionProvider = SsprAgent.Version.class,
        description = "Reset a forgotten password from the sign-in screen (interactive).")
public final class LogonCommand implements Callable<Integer> {

    /** The agent: its {@code --state-dir} (inherited by every command) says where join and sync keep their files. */
    @CommandLine.ParentCommand
    SsprAgent agent;

    /** Set by tests that run this command without the agent around it. */
    Path stateDir;

    @Option(
            names = "--server",
            paramLabel = "URL",
            description =
                    "The reset service's URL, instead of the one in device.properties (https://; http:// only to this machine).")
    String server;

    @Option(
            names = "--broker-socket",
            paramLabel = "PATH",
            description =
                    "Ask the root-owned broker on this Unix socket for the logon session instead of reading the device credential (the 'reset' account's way).")
    Path brokerSocket;

    @Option(
            names = "--offer-unlock",
            description = "Also offer to unlock the account without a new password (where the policy allows unlock).")
    boolean offerUnlock;

    @Option(
            names = "--window",
            description =
                    "Show the reset in a full-screen window instead of the terminal (the 'reset' account's graphical session).")
    boolean window;

    @Option(
            names = "--window-timeout",
            paramLabel = "DURATION",
            defaultValue = "10m",
            description =
                    "With --window: close the window and end after this time, whatever the dialogue's state, like 10m or 90s (at most 15m; default 10m).")
    String windowTimeout;

    private final LogonTerminal terminal;
    private final HttpClient http;

    /** The command as {@code sspr-agent} runs it: the real console and the agent's HTTP client. */
    public LogonCommand() {
        this(null, null);
    }

    /** With another terminal (a script in tests, a window) and, when not null, another HTTP client. */
    public LogonCommand(LogonTerminal terminal, HttpClient http) {
        this.terminal = terminal;
        this.http = http;
    }

    /** Reads the state from {@code dir} instead of the agent's {@code --state-dir} (runs without the agent around it). */
    public LogonCommand withStateDir(Path dir) {
        this.stateDir = dir;
        return this;
    }

    @Override
    public Integer call() {
        if (window && terminal == null) {
            return LogonWindowSession.run(windowTimeout, this::converseIn);
        }
        return converseIn(terminal != null ? terminal : new LogonConsoleTerminal());
    }

    private int converseIn(LogonTerminal term) {
        try {
            return run(term).code();
        } catch (AgentException e) {
            // Before the dialogue: not joined, not enabled, no broker, a bad server address.
            AgentLog.LOG.fine(() -> "logon: " + e.getMessage());
            term.println(e.exitCode() == ExitCode.SERVER ? e.userMessage() : e.getMessage());
            return e.exitCode().code();
        }
    }

    private ExitCode run(LogonTerminal term) {
        HttpClient client = http != null ? http : ServerClient.httpClient();
        if (brokerSocket != null) {
            // The 'reset' account's way: server and switch from the broker, the session token from the broker.
            JsonNode info = LogonBroker.ask(brokerSocket, LogonBroker.INFO);
            if (!info.path("resetEnabled").asBoolean(false)) {
                term.println(LogonDialogue.NOT_ENABLED);
                return ExitCode.NOT_ENABLED;
            }
            URI base = ServerClient.serverUri(
                    server != null ? server : info.path("server").asText(""));
            Path socket = brokerSocket;
            return converse(
                    term, new ResetFlowClient(new ServerClient(base, client)), () -> LogonBroker.sessionToken(socket));
        }
        StateDir state = stateDir != null ? new StateDir(stateDir) : agent.state();
        DeviceCredential device = state.requireCredential();
        if (!state.resetEnabled()) {
            term.println(LogonDialogue.NOT_ENABLED);
            return ExitCode.NOT_ENABLED;
        }
        URI base =
                ServerClient.serverUri(server != null ? server : device.server().toString());
        ServerClient serverClient = new ServerClient(base, client);
        return converse(
                term,
                new ResetFlowClient(serverClient),
                () -> serverClient.newLogonSession(device).sessionToken());
    }

    private ExitCode converse(LogonTerminal term, ResetFlowClient client, SessionSource sessions) {
        LogonDialogue dialogue = new LogonDialogue(client, sessions, term, offerUnlock);
        // Ctrl+C: the JVM ends with 130 (ExitCode.INTERRUPTED) after this hook said so on the screen.
        Thread onCtrlC = new Thread(
                () -> {
                    if (!dialogue.finished()) {
                        term.println("");
                        term.println(LogonDialogue.CANCELLED);
                    }
                },
                "sspr-agent-logon-cancel");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try {
            return dialogue.run();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down (Ctrl+C): the hook runs
            }
        }
    }
}
