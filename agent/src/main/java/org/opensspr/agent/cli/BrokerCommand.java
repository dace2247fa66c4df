package org.opensspr.agent.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.opensspr.agent.AgentException;
import org.opensspr.agent.ExitCode;
import org.opensspr.agent.logon.LogonBroker;
import org.opensspr.agent.server.ServerClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code broker}: the root-owned service behind the {@code reset} account (see {@link LogonBroker}).
 * Runs until stopped; {@code install} writes a systemd unit for it.
 */
@Command(
        name = "broker",
        description = {
            "Serve logon sessions to the locked-down 'reset' account on a Unix socket (run as root).",
            "The device secret never leaves this process; the socket is open to root and one group only."
        })
final class BrokerCommand implements Callable<Integer> {

    static final Path DEFAULT_SOCKET = Path.of("/run/sspr-agent/broker.sock");

    @ParentCommand
    SsprAgent agent;

    @Option(names = "--socket", paramLabel = "PATH", description = "The socket (default: /run/sspr-agent/broker.sock).")
    Path socket = DEFAULT_SOCKET;

    @Option(
            names = "--group",
            paramLabel = "GROUP",
            description = "The group that may connect (default: sspr-reset, the 'reset' account's own group).")
    String group = InstallCommand.GROUP;

    @Override
    public Integer call() throws IOException {
        LogonBroker broker;
        try {
            broker = LogonBroker.bind(socket, group, agent.state(), ServerClient::httpClient);
        } catch (IOException | UnsupportedOperationException e) {
            throw new AgentException(ExitCode.USAGE, "cannot listen on " + socket + ": " + e.getMessage(), e);
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                broker.close();
                            } catch (IOException e) {
                                // the process ends anyway
                            }
                        },
                        "sspr-agent-broker-stop"));
        broker.serve();
        return 0;
    }
}
