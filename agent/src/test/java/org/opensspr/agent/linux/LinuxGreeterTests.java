package org.opensspr.agent.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensspr.agent.AgentRun;

/**
 * What {@code install} writes for a graphical greeter and {@code uninstall} takes away, under a
 * temporary root that looks like a Debian machine with LightDM and AccountsService.
 */
class LinuxGreeterTests {

    private static final String DEBIAN_PAM = """
            #%PAM-1.0

            # Block login if they are globally disabled
            auth      requisite pam_nologin.so

            @include common-auth

            -auth  optional pam_gnome_keyring.so

            @include common-account
            """;

    @TempDir
    Path root;

    @TempDir
    Path stateDir;

    private void debianWithLightDm() throws IOException {
        Files.createDirectories(root.resolve("etc/X11/Xsession.d"));
        Files.createDirectories(root.resolve("etc/lightdm"));
        Files.createDirectories(root.resolve("etc/pam.d"));
        Files.createDirectories(root.resolve(LinuxGreeter.ACCOUNTS_SERVICE));
        Files.writeString(root.resolve(LinuxGreeter.LIGHTDM_PAM), DEBIAN_PAM, StandardCharsets.UTF_8);
    }

    private AgentRun install(String... more) {
        String[] args = new String[] {"--state-dir", stateDir.toString(), "install", "--root", root.toString()};
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(more))
                .toArray(String[]::new);
        return AgentRun.of(all);
    }

    @Test
    void installWritesTheSessionTheGuardTheGreeterSettingsAndThePamRuleBeforeThePasswordCheck() throws IOException {
        debianWithLightDm();

        AgentRun run = install();
        assertThat(run.exitCode()).as(run.err()).isZero();

        Path session = root.resolve(LinuxGreeter.SESSION);
        assertThat(Files.readString(session))
                .startsWith("#!/bin/sh\n")
                .contains("if [ \"$(id -un)\" != \"reset\" ]; then")
                .contains(
                        "exec /usr/bin/env -i PATH=/usr/bin:/bin DISPLAY=\"${DISPLAY:-}\" XAUTHORITY=\"${XAUTHORITY:-}\"")
                .contains(
                        "-jar /usr/lib/sspr-agent/sspr-agent.jar logon --window --broker-socket /run/sspr-agent/broker.sock")
                .doesNotContain("device.properties");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(session)))
                .isEqualTo("rwxr-xr-x");
        assertThat(Files.readString(root.resolve(LinuxGreeter.DESKTOP)))
                .contains("Name=Reset password\n", "Exec=/usr/lib/sspr-agent/reset-session\n");
        assertThat(Files.readString(root.resolve(LinuxGreeter.XSESSION_GUARD)))
                .contains("if [ \"$(id -un)\" = \"reset\" ]; then", "exec /usr/lib/sspr-agent/reset-session\n");
        assertThat(Files.readString(root.resolve(LinuxGreeter.LIGHTDM_DROP_IN)))
                .contains("[Seat:*]\ngreeter-hide-users=false\n")
                .contains("user-authority-in-system-dir=true\n");
        assertThat(Files.readString(root.resolve(LinuxGreeter.ACCOUNTS_SERVICE + "/reset")))
                .contains("XSession=sspr-reset\n");
        assertThat(Files.readString(root.resolve(LinuxGreeter.LIGHTDM_PAM)))
                .contains("auth      requisite pam_nologin.so\n\n" + LinuxGreeter.PAM_COMMENT + "\n"
                        + LinuxGreeter.PAM_RULE + "\n@include common-auth\n");

        AgentRun again = install("--quiet");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).isEmpty();
        assertThat(Files.readString(root.resolve(LinuxGreeter.LIGHTDM_PAM)))
                .as("one rule, however often install runs")
                .containsOnlyOnce(LinuxGreeter.PAM_RULE);
    }

    @Test
    void uninstallPutsLightDmsPamFileBackAsItWasAndRemovesEveryGreeterFile() throws IOException {
        debianWithLightDm();
        assertThat(install().exitCode()).isZero();
        Files.createDirectories(root.resolve(LinuxGreeter.LIGHTDM_DATA + "/reset"));
        Files.createDirectories(root.resolve(LinuxGreeter.LIGHTDM_RUN + "/reset"));
        Files.writeString(root.resolve(LinuxGreeter.LIGHTDM_RUN + "/reset/xauthority"), "cookie");

        AgentRun run = AgentRun.of("uninstall", "--root", root.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        assertThat(Files.readString(root.resolve(LinuxGreeter.LIGHTDM_PAM))).isEqualTo(DEBIAN_PAM);
        for (String gone : new String[] {
            LinuxGreeter.SESSION,
            LinuxGreeter.DESKTOP,
            LinuxGreeter.XSESSION_GUARD,
            LinuxGreeter.LIGHTDM_DROP_IN,
            LinuxGreeter.ACCOUNTS_SERVICE + "/reset",
            LinuxGreeter.LIGHTDM_DATA + "/reset",
            LinuxGreeter.LIGHTDM_RUN + "/reset"
        }) {
            assertThat(root.resolve(gone)).as(gone).doesNotExist();
        }
    }

    @Test
    void anAdminsOwnNopasswdloginRuleStaysWhenUninstalling() throws IOException {
        debianWithLightDm();
        String own = DEBIAN_PAM.replace("@include common-auth", LinuxGreeter.PAM_RULE + "\n@include common-auth");
        Files.writeString(root.resolve(LinuxGreeter.LIGHTDM_PAM), own, StandardCharsets.UTF_8);

        assertThat(AgentRun.of("uninstall", "--root", root.toString()).exitCode())
                .isZero();

        assertThat(Files.readString(root.resolve(LinuxGreeter.LIGHTDM_PAM))).isEqualTo(own);
    }

    @Test
    void withoutLightDmOrXOnlyTheSessionAndItsEntryAreWritten() {
        AgentRun run = install("--account", "pwreset");
        assertThat(run.exitCode()).as(run.err()).isZero();

        assertThat(root.resolve(LinuxGreeter.SESSION)).content().contains("!= \"pwreset\"");
        assertThat(root.resolve(LinuxGreeter.DESKTOP)).isRegularFile();
        assertThat(root.resolve(LinuxGreeter.XSESSION_GUARD)).doesNotExist();
        assertThat(root.resolve(LinuxGreeter.LIGHTDM_DROP_IN)).doesNotExist();
        assertThat(root.resolve(LinuxGreeter.LIGHTDM_PAM)).doesNotExist();
    }
}
