package org.opensspr.agent.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.opensspr.agent.AgentException;
import org.opensspr.agent.Durations;
import org.opensspr.agent.ExitCode;
import org.opensspr.agent.device.DeviceCredential;
import org.opensspr.agent.device.DeviceStates;
import org.opensspr.agent.device.LocalDevice;
import org.opensspr.agent.device.StateDir;
import org.opensspr.agent.server.ServerClient;
import org.opensspr.readiness.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sync}: fetches the effective configuration (cached as {@code configuration.json} for
 * {@code check} and {@code logon}), reports the inventory and prints the server's verdict; with
 * {@code --interval} it keeps doing so until interrupted, carrying on after a failed round. The
 * verdict it prints is the server's plus what only this device can see (the Linux sign-in checks),
 * so that {@code sync} and {@code check} never disagree about the same device.
 */
@Command(
        name = "sync",
        description = {
            "Fetch the effective configuration, report the inventory and print the server's verdict.",
            "Exit code: 0 ready, 1 not ready, 2 usage error, 3 the server could not be reached or refused, 4 not joined."
        })
final class SyncCommand implements Callable<Integer> {

    @ParentCommand
    SsprAgent agent;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--interval",
            paramLabel = "DURATION",
            description = "Repeat every DURATION (30s, 15m, 1h or ISO-8601 like PT15M) until interrupted.")
    String interval;

    @Option(
            names = "--registry",
            paramLabel = "FILE.reg",
            description = "Report this registry export instead of this device (testing).")
    Path registry;

    @Mixin
    LocalDeviceOptions device;

    @Option(
            names = "--rounds",
            hidden = true,
            defaultValue = "0",
            description = "Stop after this many rounds (tests); 0 = never.")
    int rounds;

    @Override
    public Integer call() throws InterruptedException {
        Duration every = interval == null ? null : duration(interval);
        // A bad --session is a usage error before the server is asked anything.
        LocalDeviceOptions.session(device.session);
        StateDir state = agent.state();
        DeviceCredential credential = state.requireCredential();
        ServerClient client = new ServerClient(credential.server(), ServerClient.httpClient());
        int code = ExitCode.OK.code();
        for (int round = 1; ; round++) {
            try {
                code = once(state, credential, client);
            } catch (AgentException e) {
                if (every == null) {
                    throw e;
                }
                code = e.exitCode().code();
                spec.commandLine()
                        .getErr()
                        .println("sspr-agent sync: " + e.getMessage() + "; trying again in " + every);
                spec.commandLine().getErr().flush();
            }
            if (every == null || round == rounds) {
                return code;
            }
            Thread.sleep(every.toMillis());
        }
    }

    private int once(StateDir state, DeviceCredential credential, ServerClient client) {
        String configuration = client.configuration(credential);
        state.saveConfiguration(configuration);
        LocalDevice local = device.collect(state, registry, DeviceStates.settings(configuration));
        Map<String, Object> answer = client.inventory(credential, DeviceStates.inventory(local.device()));
        Verdict verdict = local.withExtra(VerdictPrinter.fromServer(answer));
        PrintWriter out = spec.commandLine().getOut();
        out.println("Synchronised with " + credential.server() + " as " + credential.deviceId() + ".");
        VerdictPrinter.text(out, local.device(), verdict);
        return (Boolean.TRUE.equals(answer.get("ready")) && verdict.ready() ? ExitCode.OK : ExitCode.NOT_DONE).code();
    }

    /** {@code 30s}, {@code 15m}, {@code 2h}, {@code 1d} or ISO-8601 ({@code PT15M}); at least one second. */
    static Duration duration(String text) {
        Duration d;
        try {
            d = Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new AgentException(
                    ExitCode.USAGE, "--interval: expected 30s, 15m, 1h, 1d or PT15M, not '" + text + "'");
        }
        if (d.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new AgentException(ExitCode.USAGE, "--interval must be at least 1s");
        }
        return d;
    }
}
