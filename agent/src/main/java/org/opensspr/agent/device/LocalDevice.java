package org.opensspr.agent.device;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opensspr.agent.AgentException;
import org.opensspr.agent.AgentLog;
import org.opensspr.agent.ExitCode;
import org.opensspr.agent.linux.LinuxLogin;
import org.opensspr.agent.registry.RegFile;
import org.opensspr.agent.registry.RegQuery;
import org.opensspr.agent.registry.RegReader;
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
 * @param extra    findings of the platform's own checks ({@link LinuxLogin}); empty on Windows. The
 *                 server does not know them, so {@code sync} adds them to the server's verdict
 *                 ({@link #withExtra}) and {@code check} and {@code sync} say the same.
 */
public record LocalDevice(DeviceState device, List<String> warnings, List<Finding> extra) {

    /** This device as {@code check} and {@code sync} see it; {@code linuxRoot} is {@code /} except in tests. */
    public static LocalDevice collect(
            StateDir state, Path registry, SessionType session, Map<String, Object> settings, Path linuxRoot) {
        boolean joined = state.credential().isPresent();
        if (registry != null) {
            RegFile file;
            try {
                file = new RegReader().read(registry);
            } catch (NoSuchFileException e) {
                throw new AgentException(ExitCode.USAGE, "--registry: no such file: " + registry);
            } catch (IOException e) {
                throw new AgentException(ExitCode.USAGE, "--registry: cannot read " + registry + ": " + e.getMessage());
            }
            if (!file.header() && file.values().isEmpty()) {
                throw new AgentException(
                        ExitCode.USAGE,
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
                DeviceStates.linux(joined, session, settings), List.of(), new LinuxLogin(linuxRoot).findings());
    }

    /** The shared rules' verdict plus the platform's own findings ({@code check}). */
    public Verdict judge() {
        return withExtra(new ReadinessRules().evaluate(device));
    }

    /** {@code verdict} (the server's, for {@code sync}) plus the platform's own findings the server cannot see. */
    public Verdict withExtra(Verdict verdict) {
        List<Finding> findings = new ArrayList<>(verdict.findings());
        extra.stream()
                .filter(finding -> findings.stream().noneMatch(f -> f.rule().equals(finding.rule())))
                .forEach(findings::add);
        return new Verdict(findings);
    }
}
