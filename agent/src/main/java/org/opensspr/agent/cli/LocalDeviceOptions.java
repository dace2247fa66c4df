package org.opensspr.agent.cli;

import java.nio.file.Path;
import java.util.Map;
import org.opensspr.agent.AgentException;
import org.opensspr.agent.ExitCode;
import org.opensspr.agent.device.LocalDevice;
import org.opensspr.agent.device.StateDir;
import org.opensspr.readiness.SessionType;
import picocli.CommandLine.Option;

/**
 * The options that say which device {@code check} and {@code sync} judge, shared as a picocli mixin
 * so that both commands read the same device the same way (they once disagreed on a Linux warning).
 */
final class LocalDeviceOptions {

    @Option(
            names = "--session",
            paramLabel = "TYPE",
            defaultValue = "console",
            description = "The session of the sign-in screen: console (default), rdp or hyperv-enhanced.")
    String session;

    @Option(
            names = "--linux-root",
            hidden = true,
            defaultValue = "/",
            description = "Look for the Linux login setup under DIR instead of / (tests).")
    Path linuxRoot;

    /** This device (or the registry export) with the configuration's {@code settings}. */
    LocalDevice collect(StateDir state, Path registry, Map<String, Object> settings) {
        return LocalDevice.collect(state, registry, session(session), settings, linuxRoot);
    }

    static SessionType session(String text) {
        try {
            return SessionType.parse(text);
        } catch (IllegalArgumentException e) {
            throw new AgentException(
                    ExitCode.USAGE, "--session must be console, rdp or hyperv-enhanced, not '" + text + "'");
        }
    }
}
