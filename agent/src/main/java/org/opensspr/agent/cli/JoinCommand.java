package org.opensspr.agent.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.opensspr.agent.AgentException;
import org.opensspr.agent.AgentLog;
import org.opensspr.agent.ExitCode;
import org.opensspr.agent.device.DeviceCredential;
import org.opensspr.agent.device.StateDir;
import org.opensspr.agent.server.ServerClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code join}: trades an admin-issued join token for the device credential and stores it in the
 * state directory (owner-only). Prints the device id, never the secret or the token.
 *
 * <p>A device that has joined already is not joined a second time by accident (that left a
 * duplicate device on the server, the old one still counted and still able to start logon
 * sessions): {@code join} refuses, and {@code join --rejoin} first removes the old device from the
 * server with its own credential ({@code DELETE /api/v1/devices/self}), then joins anew.
 */
@Command(
        name = "join",
        description = {
            "Join this device to the server with an admin-issued join token.",
            "A joined device is joined again only with --rejoin, which first removes the old device from the server.",
            "Exit code: 0 joined, 2 usage error or already joined, 3 the server could not be reached or refused the token."
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

    @Option(
            names = "--rejoin",
            description =
                    "This device has joined before: remove that device from the server (with its own credential), then join anew.")
    boolean rejoin;

    @Override
    public Integer call() {
        if (token == null || token.isBlank()) {
            throw new AgentException(ExitCode.USAGE, "join needs --token or the SSPR_JOIN_TOKEN environment variable");
        }
        AgentLog.secret(token.strip());
        URI uri = ServerClient.serverUri(server);
        StateDir state = agent.state();
        PrintWriter out = spec.commandLine().getOut();
        Optional<DeviceCredential> joined = state.credential();
        if (joined.isPresent() && !rejoin) {
            throw new AgentException(
                    ExitCode.USAGE,
                    "this device has already joined " + joined.get().server() + " as "
                            + joined.get().deviceId()
                            + "; to join again (that device is removed from the server first), add --rejoin");
        }
        if (joined.isPresent()) {
            leave(joined.get(), state, out);
        }
        ServerClient client = new ServerClient(uri, ServerClient.httpClient());
        String os = System.getProperty("os.name", "unknown");
        AgentLog.LOG.fine(() -> "joining " + uri + " as " + deviceName() + " (" + os + ")");
        DeviceCredential credential = client.join(
                token.strip(),
                deviceName(),
                os.toLowerCase(Locale.ROOT).startsWith("windows") ? "Windows" : os,
                System.getProperty("os.version"));
        state.saveCredential(credential);
        AgentLog.LOG.fine(
                () -> "joined as " + credential.deviceId() + "; credential stored in " + state.file(StateDir.DEVICE));
        out.printf(
                "Joined %s as device %s; the credential is in %s (owner-only).%n",
                uri, credential.deviceId(), state.file(StateDir.DEVICE));
        out.flush();
        return ExitCode.OK.code();
    }

    /**
     * Removes the old device from its server. A server that no longer accepts the old credential
     * (the device was deleted or disabled there) is said so and the join goes on: an admin removes
     * a disabled device. A server that cannot be reached stops the re-join, so no duplicate is made.
     */
    private static void leave(DeviceCredential old, StateDir state, PrintWriter out) {
        ServerClient client = new ServerClient(old.server(), ServerClient.httpClient());
        try {
            client.leave(old);
            out.printf("Removed the old device %s from %s.%n", old.deviceId(), old.server());
        } catch (AgentException e) {
            if (e.problem().map(p -> p.status() != 401 && p.status() != 404).orElse(true)) {
                throw e;
            }
            out.printf(
                    "The old device %s is no longer accepted by %s (deleted or disabled there); if it is disabled, an admin can delete it.%n",
                    old.deviceId(), old.server());
        }
        state.forgetCredential();
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
