package org.opensspr.packaging.deb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.opensspr.packaging.deb.Host.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both packages under a real systemd, which this machine does not run as PID 1: a Debian root made
 * with {@code debootstrap} (the host's release, minimal, with Java 17 and systemd) booted by
 * {@code podman --systemd=always} (runc: crun fails on this machine's cgroups; privileged, so that
 * systemd can set up the units' namespaces as on a real host; no network but loopback). Installing
 * starts both units, the server answers its readiness probe as a dynamic user with its private state
 * directory, and purge stops both cleanly and leaves nothing. About three minutes, most of it
 * debootstrap.
 */
class SystemdPackagesIntegrationTests {

    private static final String CONTAINER =
            "sspr-deb-systemd-" + ProcessHandle.current().pid();
    private static Path root;

    @BeforeAll
    static void bootDebianWithSystemd() throws IOException, InterruptedException {
        assumeTrue(Host.isRootOnLinux(), "debootstrap and podman as root on Linux only (CI runs as root)");
        String release = run("sh", "-c", ". /etc/os-release && echo \"$VERSION_CODENAME\"")
                .output()
                .strip();
        assertThat(release).as("the host's Debian release").isNotBlank();
        root = Files.createTempDirectory(Path.of("/var/tmp"), "sspr-deb-systemd-");
        // It becomes the container's "/": rwx------ would keep every service but root out of it.
        run("chmod", "0755", root.toString()).succeeded("chmod");
        run(
                        "debootstrap",
                        "--variant=minbase",
                        "--include=systemd,systemd-sysv,dbus,openjdk-17-jre-headless,passwd,curl",
                        release,
                        root.toString())
                .succeeded("debootstrap " + release);
        // A container has no seats: logind only delays the boot (it waits on D-Bus).
        Files.createSymbolicLink(root.resolve("etc/systemd/system/systemd-logind.service"), Path.of("/dev/null"));
        run(
                        "podman",
                        "run",
                        "--detach",
                        "--name",
                        CONTAINER,
                        "--privileged",
                        "--systemd=always",
                        "--runtime",
                        "runc",
                        "--ulimit",
                        "nofile=4096:4096",
                        "--ulimit",
                        "nproc=4096:4096",
                        "--network=none",
                        "--volume",
                        DebPackagesIntegrationTests.SERVER_DEB.toAbsolutePath().getParent() + ":/debs:ro",
                        "--rootfs",
                        root.toString(),
                        "/sbin/init")
                .succeeded("podman run");
        assertThat(awaitBooted()).isIn("running", "degraded");
    }

    /**
     * systemd's state once it has finished booting ("degraded": a unit of the image failed, booted
     * too). Until systemd has opened its socket, systemctl cannot connect: asked again then.
     */
    private static String awaitBooted() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        String state = "";
        while (Instant.now().isBefore(deadline)) {
            state = inside("systemctl", "is-system-running", "--wait").output().strip();
            if (!state.startsWith("Failed to connect to bus")) {
                return state;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("systemd did not boot within 2 minutes: " + state);
    }

    @AfterAll
    static void removeContainerAndRoot() {
        if (root != null) {
            run("podman", "rm", "--force", "--time", "5", CONTAINER);
            run("rm", "-rf", "--one-file-system", root.toString());
        }
    }

    @Test
    void installStartsBothUnitsAndPurgeStopsThemAndLeavesNothing() throws InterruptedException {
        inside(
                        "dpkg",
                        "--install",
                        "/debs/" + DebPackagesIntegrationTests.SERVER_DEB.getFileName(),
                        "/debs/" + DebPackagesIntegrationTests.AGENT_DEB.getFileName())
                .succeeded("dpkg --install");
        assertThat(inside("systemctl", "is-enabled", "sspr-server", "sspr-agent-broker")
                        .output())
                .isEqualTo("enabled\nenabled\n");
        assertThat(inside("systemctl", "is-active", "sspr-agent-broker")
                        .output()
                        .strip())
                .isEqualTo("active");

        String health = awaitReady();
        assertThat(health).contains("\"status\":\"UP\"");
        String pid = inside("systemctl", "show", "--property=MainPID", "--value", "sspr-server")
                .output()
                .strip();
        int uid = Integer.parseInt(
                inside("stat", "-c", "%u", "/proc/" + pid).output().strip());
        assertThat(uid).as("a DynamicUser= uid").isBetween(61184, 65519);
        assertThat(inside("stat", "-c", "%u %a", "/var/lib/private/opensspr")
                        .output()
                        .strip())
                .isEqualTo(uid + " 700");
        assertThat(inside("readlink", "/var/lib/opensspr").output().strip()).isEqualTo("private/opensspr");
        assertThat(inside("test", "-f", "/var/lib/opensspr/installation.properties")
                        .exitCode())
                .isZero();

        inside("dpkg", "--purge", "sspr-server", "sspr-agent").succeeded("dpkg --purge");
        // Stopped by prerm, and cleanly: "failed" would mean the stop was not counted as one.
        assertThat(inside("systemctl", "is-active", "sspr-server", "sspr-agent-broker")
                        .output())
                .isEqualTo("inactive\ninactive\n");
        assertThat(inside("systemctl", "is-failed", "sspr-server", "sspr-agent-broker")
                        .output())
                .doesNotContain("failed");
        for (String gone : List.of(
                "/etc/opensspr",
                "/var/lib/private/opensspr",
                "/var/lib/opensspr",
                "/var/cache/opensspr",
                "/var/lib/sspr-agent",
                "/usr/lib/sspr-agent",
                "/etc/systemd/system/multi-user.target.wants/sspr-server.service",
                "/etc/systemd/system/multi-user.target.wants/sspr-agent-broker.service")) {
            assertThat(inside("test", "-e", gone).exitCode()).as(gone).isNotZero();
        }
        assertThat(inside("getent", "passwd", "reset").exitCode()).isNotZero();
        assertThat(inside("getent", "group", "sspr-reset").exitCode()).isNotZero();
        assertThat(inside("systemctl", "list-unit-files", "sspr-*").output()).contains("0 unit files listed");
    }

    /** Polls the readiness probe from inside the container until it answers 200, for at most 5 minutes. */
    private static String awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        Host.Result last = null;
        while (Instant.now().isBefore(deadline)) {
            last = inside("curl", "-sf", "http://127.0.0.1:8080/actuator/health/readiness");
            if (last.exitCode() == 0) {
                return last.output();
            }
            assertThat(inside("systemctl", "show", "--property=NRestarts", "--value", "sspr-server")
                            .output()
                            .strip())
                    .as("sspr-server failed and was restarted:\n" + journal())
                    .isEqualTo("0");
            Thread.sleep(1000);
        }
        throw new AssertionError("sspr-server not ready within 5 minutes: " + last + "\n" + journal());
    }

    private static String journal() {
        return inside("journalctl", "--unit=sspr-server", "--lines=40", "--no-pager")
                .output();
    }

    private static Host.Result inside(String... command) {
        List<String> exec = new ArrayList<>(List.of("podman", "exec", CONTAINER));
        exec.addAll(List.of(command));
        return run(exec);
    }
}
