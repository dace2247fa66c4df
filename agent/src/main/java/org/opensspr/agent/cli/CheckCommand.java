package org.opensspr.agent.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.opensspr.agent.ExitCode;
import org.opensspr.agent.device.DeviceStates;
import org.opensspr.agent.device.LocalDevice;
import org.opensspr.agent.device.StateDir;
import org.opensspr.readiness.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code check}: judges this device (or a registry export) with the readiness rules, offline. */
@Command(
        name = "check",
        description = {
            "Judge whether password reset from the sign-in screen can work here, with the readiness rules.",
            "Exit code: 0 ready, 1 not ready, 2 usage or input error."
        })
final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    SsprAgent agent;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--registry",
            paramLabel = "FILE.reg",
            description =
                    "A registry export (regedit or 'reg export', UTF-16LE or UTF-8) to judge instead of this device.")
    Path registry;

    @Option(names = "--json", description = "Print JSON {ready, device, findings, warnings} instead of text.")
    boolean json;

    @Mixin
    LocalDeviceOptions device;

    @Override
    public Integer call() {
        StateDir state = agent.state();
        LocalDevice local = device.collect(
                state, registry, DeviceStates.settings(state.configuration().orElse(null)));
        Verdict verdict = local.judge();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            VerdictPrinter.json(out, local.device(), verdict, local.warnings());
        } else {
            PrintWriter err = spec.commandLine().getErr();
            local.warnings().forEach(w -> err.println("warning: " + registry + ": " + w));
            err.flush();
            VerdictPrinter.text(out, local.device(), verdict);
        }
        return (verdict.ready() ? ExitCode.OK : ExitCode.NOT_DONE).code();
    }
}
