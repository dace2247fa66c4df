package org.opensspr.agent.linux;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.opensspr.readiness.Finding;
import org.opensspr.readiness.Severity;

/**
 * The Linux-only checks of {@code check} without {@code --registry}: the reset link needs a
 * graphical login screen (a display manager) to live in. One rule, {@code linux-display-manager}
 * (warning): none of gdm, lightdm, sddm or a {@code display-manager.service} is installed. The
 * shared readiness rules (join state, policy, remote session) apply as on every device.
 */
public final class LinuxLogin {

    public static final String DISPLAY_MANAGER = "linux-display-manager";

    private static final List<String> DISPLAY_MANAGERS = List.of(
            "etc/systemd/system/display-manager.service",
            "usr/sbin/gdm3",
            "usr/sbin/gdm",
            "usr/sbin/lightdm",
            "usr/bin/sddm",
            "usr/sbin/sddm",
            "usr/bin/lightdm");

    private final Path root;

    /** Checks the system under {@code root} ({@code /} on a real device). */
    public LinuxLogin(Path root) {
        this.root = root;
    }

    public List<Finding> findings() {
        List<Finding> findings = new ArrayList<>();
        boolean displayManager = DISPLAY_MANAGERS.stream().anyMatch(p -> Files.exists(root.resolve(p)));
        if (!displayManager) {
            findings.add(
                    new Finding(
                            DISPLAY_MANAGER,
                            Severity.WARNING,
                            "No graphical login screen (gdm, lightdm, sddm or display-manager.service) is installed; there is no sign-in screen to show the reset link on.",
                            "Install and enable a display manager, or let users reset at the web portal or with 'sspr-agent logon' on a text console."));
        }
        return findings;
    }
}
