package org.opensspr.agent;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sspr-agent logon}: the interactive reset for the sign-in screen, in a terminal (or, with
 * {@code --window}, in the full-screen window of the graphical sign-in, see {@link LogonWindowSession}).
 * Reads the device credential from {@code <state-dir>/device.properties} and the effective
 * configuration from {@code <state-dir>/configuration.json} (see {@link LogonDeviceState}); shows
 * "Forgot password? / Reset password" only when the configuration enables reset.
 *
 * <p>Exit codes: 0 the password was reset (or the account unlocked); 1 the reset did not complete
 * (cancelled, an error, the server cannot be reached); 3 reset from the sign-in screen is not
 * enabled on this device; 4 the device is not joined. Nothing is logged; the session token stays
 * in memory and the password is never shown.
 */
@Command(
        name = "logon",
        mixinStandardHelpOptions = true,
        versionProvider = SsprAgent.Version.class,
        description = "Reset a forgotten password from the sign-in screen (interactive).")
public final class LogonCommand implements Callable<Integer> {

    static final int NOT_JOINED = 4;

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

    /** For tests: a scripted terminal and, when not null, another HTTP client. */
    LogonCommand(LogonTerminal terminal, HttpClient http) {
        this.terminal = terminal;
        this.http = http;
    }

    @Override
    public Integer call() {
        if (window && terminal == null) {
            return LogonWindowSession.run(windowTimeout, this::converseIn);
        }
        return converseIn(terminal != null ? terminal : new LogonConsoleTerminal());
    }

    private int converseIn(LogonTerminal term) {
        if (brokerSocket != null) {
            return viaBroker(term);
        }
        if (stateDir == null) {
            stateDir = agent.state().dir();
        }
        LogonDeviceState state;
        try {
            state = LogonDeviceState.read(stateDir);
        } catch (LogonDeviceState.NotJoined e) {
            term.println(e.getMessage());
            return NOT_JOINED;
        } catch (IOException e) {
            term.println("The agent's state in " + stateDir + " cannot be read: " + e.getMessage());
            return LogonDialogue.NOT_COMPLETED;
        }
        if (!state.resetEnabled()) {
            term.println("Password reset from the sign-in screen is not enabled on this device.");
            return LogonDialogue.NOT_ENABLED;
        }
        String url = server != null ? server : state.server();
        if (url.isEmpty()) {
            term.println("No server is known: device.properties has no 'server' and --server was not given.");
            return NOT_JOINED;
        }
        URI base;
        try {
            base = LogonClient.serverUri(url);
        } catch (IllegalArgumentException e) {
            term.println(e.getMessage());
            return LogonDialogue.NOT_COMPLETED;
        }
        LogonClient client = new LogonClient(
                base, state.deviceId(), state.deviceSecret(), http != null ? http : LogonClient.httpClient());
        return converse(term, client);
    }

    /** The {@code reset} account's path: server and switch from the broker, the session token from the broker. */
    private int viaBroker(LogonTerminal term) {
        com.fasterxml.jackson.databind.JsonNode info;
        try {
            info = LogonBroker.ask(brokerSocket, LogonBroker.INFO);
            LogonBroker.failOnError(info);
        } catch (LogonClient.Unreachable e) {
            term.println(e.getMessage());
            return LogonDialogue.NOT_COMPLETED;
        } catch (LogonClient.ServerProblem e) {
            term.println(e.detail());
            return e.type().equals("not-joined") ? NOT_JOINED : LogonDialogue.NOT_COMPLETED;
        }
        if (!info.path("resetEnabled").asBoolean(false)) {
            term.println("Password reset from the sign-in screen is not enabled on this device.");
            return LogonDialogue.NOT_ENABLED;
        }
        URI base;
        try {
            base = LogonClient.serverUri(
                    server != null ? server : info.path("server").asText(""));
        } catch (IllegalArgumentException e) {
            term.println(e.getMessage());
            return LogonDialogue.NOT_COMPLETED;
        }
        Path socket = brokerSocket;
        LogonClient client = new LogonClient(
                base, () -> LogonBroker.sessionToken(socket), http != null ? http : LogonClient.httpClient());
        return converse(term, client);
    }

    private int converse(LogonTerminal term, LogonClient client) {
        LogonDialogue dialogue = new LogonDialogue(client, term, offerUnlock);
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
