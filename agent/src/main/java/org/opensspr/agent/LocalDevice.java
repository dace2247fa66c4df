package org.opensspr.agent;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opensspr.readiness.DeviceState;
import org.opensspr.readiness.Finding;
import org.opensspr.readiness.ReadinessRules;
import org.opensspr.readiness.SessionType;
import org.opensspr.readiness.Verdict;

/**
 * What this device looks like to the readiness rules, shared by {@code check} and {@code sync}: from
 * a registry export when one is given, from {@code reg query} on Windows, otherwise the local Linux
 * login setup; joined when the state directory holds a credential; with the effective configuration
 * cached by the last {@code sync}.
 *
 * @param device   the state the rules judge
 * @param warnings what the registry export reader could not read (line numbers only)
 * @param extra    findings of the platform's own checks ({@link LinuxLogin}); empty on Windows
 */
record LocalDevice(DeviceState device, List<String> warnings, List<Finding> extra) {

    static LocalDevice collect(StateDir state, Path registry, SessionType session, Map<String, Object> settings) {
        boolean joined = state.credential().isPresent();
        if (registry != null) {
            RegFile file;
            try {
                file = new RegReader().read(registry);
            } catch (NoSuchFileException e) {
                throw new AgentException(AgentException.USAGE, "--registry: no such file: " + registry);
            } catch (IOException e) {
                throw new AgentException(
                        AgentException.USAGE, "--registry: cannot read " + registry + ": " + e.getMessage());
            }
            if (!file.header() && file.values().isEmpty()) {
                throw new AgentException(
                        AgentException.USAGE,
                        "--registry: " + registry
                                + " is not a registry export (it should start with 'Windows Registry Editor Version 5.00')");
            }
            AgentLog.LOG.fine(() -> "read " + file.values().size() + " values from " + registry + ", "
                    + file.warnings().size() + " warnings");
            return new LocalDevice(
                    DeviceStates.windows(file.values(), joined, session, settings), file.warnings(), List.of());
        }
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return new LocalDevice(
                    DeviceStates.windows(RegQuery.read(), joined, session, settings), List.of(), List.of());
        }
        return new LocalDevice(
                DeviceStates.linux(joined, session, settings), List.of(), new LinuxLogin(Paths.get("/")).findings());
    }

    /** The shared rules' verdict plus the platform's own findings. */
    Verdict judge() {
        List<Finding> findings =
                new ArrayList<>(new ReadinessRules().evaluate(device).findings());
        findings.addAll(extra);
        return new Verdict(findings);
    }
}
