package org.opensspr.agent;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code join}: trades an admin-issued join token for the device credential and stores it in the
 * state directory (owner-only). Prints the device id, never the secret or the token.
 */
@Command(
        name = "join",
        description = {
            "Join this device to the server with an admin-issued join token.",
            "Exit code: 0 joined, 2 usage error, 3 the server could not be reached or refused the token."
        })
final class JoinCommand implements Callable<Integer> {

    @ParentCommand
    SsprAgent agent;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--server",
            required = true,
            paramLabel = "URL",
            description = "The server, https://host[:port]; plain http:// only to localhost.")
    String server;

    @Option(
            names = "--token",
            paramLabel = "T",
            defaultValue = "${env:SSPR_JOIN_TOKEN}",
            description =
                    "The join token (default: the SSPR_JOIN_TOKEN environment variable, which keeps it out of the process list).")
    String token;

    @Option(
            names = "--name",
            paramLabel = "N",
            description = "The device name the server shows (default: the host name).")
    String name;

    @Override
    public Integer call() {
        if (token == null || token.isBlank()) {
            throw new AgentException(
                    AgentException.USAGE, "join needs --token or the SSPR_JOIN_TOKEN environment variable");
        }
        AgentLog.secret(token.strip());
        URI uri = ServerClient.serverUri(server);
        StateDir state = agent.state();
        String os = System.getProperty("os.name", "unknown");
        AgentLog.LOG.fine(() -> "joining " + uri + " as " + deviceName() + " (" + os + ")");
        Map<String, Object> answer = new ServerClient(uri)
                .join(
                        token.strip(),
                        deviceName(),
                        os.toLowerCase(java.util.Locale.ROOT).startsWith("windows") ? "Windows" : os,
                        System.getProperty("os.version"));
        if (!(answer.get("deviceId") instanceof String id) || !(answer.get("deviceSecret") instanceof String secret)) {
            throw new AgentException(
                    AgentException.SERVER, "the server's answer to the join holds no deviceId and deviceSecret");
        }
        AgentLog.secret(secret);
        state.saveCredential(new DeviceCredential(uri, id, secret));
        AgentLog.LOG.fine(() -> "joined as " + id + "; credential stored in " + state.file(StateDir.DEVICE));
        spec.commandLine()
                .getOut()
                .printf(
                        "Joined %s as device %s; the credential is in %s (owner-only).%n",
                        uri, id, state.file(StateDir.DEVICE));
        spec.commandLine().getOut().flush();
        return 0;
    }

    private String deviceName() {
        if (name != null && !name.isBlank()) {
            return name.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
