package org.opensspr.agent.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.opensspr.agent.linux.HostCommands.agent;
import static org.opensspr.agent.linux.HostCommands.finish;
import static org.opensspr.agent.linux.HostCommands.freePort;
import static org.opensspr.agent.linux.HostCommands.java;
import static org.opensspr.agent.linux.HostCommands.run;
import static org.opensspr.agent.linux.HostCommands.stop;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensspr.agent.linux.HostCommands.Result;
import org.opensspr.agent.logon.LogonDialogue;

/**
 * The Linux sign-in integration end to end, as root: the packaged server (embedded directory) on
 * free ports, a device joined and synced with reset enabled by a profile, {@code install --quiet}
 * (a real {@code reset} account), the broker, then {@code su -l reset} in a real terminal (tmux)
 * runs the account's only program, and alice resets her password with the emailed code. A PAM
 * stack we did not write proves it: {@code pamtester} on a service file of its own with
 * {@code pam_ldap.so} (nss-pam-ldapd's {@code nslcd}, pointed at the embedded directory) accepts
 * the new password and refuses the old one. Finally {@code uninstall --quiet} leaves no account.
 * Needs root, tmux, pamtester, nslcd and libpam-ldapd ({@code .ci/run} installs them).
 */
class LinuxSignInIntegrationTests {

    private static final String ADMIN_TOKEN = "linux-sign-in-admin-token";
    private static final String OLD_PASSWORD = "alice-demo-2026";
    private static final Path NSLCD_CONF = Path.of("/etc/nslcd.conf");
    private static final Path PAM_SERVICE = Path.of("/etc/pam.d/sspr-e2e");

    @TempDir
    Path work;

    private final String tmuxSocket =
            "sspr-linux-it-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aliceResetsHerPasswordAsTheResetAccountAndPamAcceptsTheNewOne() throws Exception {
        assumeTrue(System.getProperty("os.name").equals("Linux"), "Linux only");
        assumeTrue(run("id", "-u").output().strip().equals("0"), "needs root (CI runs as root)");
        for (String tool : List.of("tmux", "pamtester", "nslcd", "useradd", "su")) {
            assertThat(run("sh", "-c", "command -v " + tool).exitCode())
                    .as(tool + " must be installed (see .ci/run)")
                    .isZero();
        }
        assertThat(Path.of("/lib/x86_64-linux-gnu/security/pam_ldap.so")
                                .toFile()
                                .exists()
                        || run("sh", "-c", "ls /lib/*/security/pam_ldap.so /usr/lib/*/security/pam_ldap.so")
                                        .exitCode()
                                == 0)
                .as("pam_ldap.so (libpam-ldapd) must be installed (see .ci/run)")
                .isTrue();
        assertThat(run("getent", "passwd", "reset").exitCode())
                .as("a 'reset' account exists already; this test would remove it")
                .isNotZero();
        String agentJar = ServerCalls.agentJar();

        int httpPort = freePort();
        int ldapPort = freePort();
        Path dataDir = work.resolve("data");
        Path stateDir = work.resolve("state");
        String base = "http://127.0.0.1:" + httpPort;
        String newPassword = "Tea-Party-at-" + System.nanoTime();
        Process server = null;
        Process broker = null;
        Process nslcd = null;
        byte[] nslcdConf = Files.isRegularFile(NSLCD_CONF) ? Files.readAllBytes(NSLCD_CONF) : null;
        try {
            server = ServerCalls.startServer(dataDir, httpPort, ldapPort, ADMIN_TOKEN, work.resolve("server.log"));
            String joinToken = ServerCalls.joinTokenWithResetEnabled(base, ADMIN_TOKEN);

            // The device: join, sync, install.
            Result join = agent(
                    agentJar,
                    "--state-dir",
                    stateDir.toString(),
                    "join",
                    "--server",
                    base,
                    "--token",
                    joinToken,
                    "--name",
                    "linux-e2e");
            assertThat(join.exitCode()).as(join.output()).isZero();
            Result sync = agent(agentJar, "--state-dir", stateDir.toString(), "sync");
            assertThat(stateDir.resolve("configuration.json")).as(sync.output()).isRegularFile();
            Result install = agent(agentJar, "--state-dir", stateDir.toString(), "install", "--quiet");
            assertThat(install.exitCode()).as(install.output()).isZero();
            assertThat(install.output()).isEmpty();
            Result again = agent(agentJar, "--state-dir", stateDir.toString(), "install", "--quiet");
            assertThat(again.exitCode()).as(again.output()).isZero();
            assertThat(again.output()).isEmpty();

            assertThat(run("getent", "passwd", "reset").output()).contains(":/:/usr/lib/sspr-agent/reset-shell");
            assertThat(run("id", "-Gn", "reset").output().strip()).isEqualTo("sspr-reset nopasswdlogin");
            assertThat(run("passwd", "--status", "reset").output()).contains("reset NP");
            assertThat(run(
                                    "runuser",
                                    "-u",
                                    "reset",
                                    "--",
                                    "cat",
                                    stateDir.resolve("device.properties").toString())
                            .exitCode())
                    .as("the reset account must not read the device secret")
                    .isNotZero();
            Result command = run("su", "reset", "-c", "id");
            assertThat(command.exitCode()).isNotZero();
            assertThat(command.output()).contains("only resets passwords").doesNotContain("uid=");
            Result sshLike = run(
                    "env",
                    "SSH_CONNECTION=10.0.0.1 5 10.0.0.2 22",
                    "su",
                    "reset",
                    "-w",
                    "SSH_CONNECTION",
                    "-s",
                    "/usr/lib/sspr-agent/reset-shell");
            assertThat(sshLike.exitCode()).isNotZero();
            assertThat(sshLike.output()).contains("only resets passwords");
            Result injected =
                    run("env", "JAVA_TOOL_OPTIONS=-Dinjected=1", "JDK_JAVA_OPTIONS=-Dinjected=2", "su", "reset");
            assertThat(injected.output())
                    .as("the shell must not pass the caller's Java options on")
                    .contains("sspr-agent broker) is not running")
                    .doesNotContain("Picked up")
                    .doesNotContain("NOTE:");

            broker = new ProcessBuilder(
                            java(),
                            "-jar",
                            "/usr/lib/sspr-agent/sspr-agent.jar",
                            "--state-dir",
                            stateDir.toString(),
                            "broker")
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("broker.log").toFile())
                    .start();
            awaitFile(Path.of("/run/sspr-agent/broker.sock"), broker);
            // The socket appears at bind (root:root, in the root:sspr-reset 750 folder), then gets its group and mode.
            awaitSocketMode("/run/sspr-agent/broker.sock", "root:sspr-reset 660", broker);

            // The sign-in: 'reset' at a text login, in a real terminal.
            tmux(
                    "new-session",
                    "-d",
                    "-s",
                    "logon",
                    "-x",
                    "120",
                    "-y",
                    "50",
                    "su -l reset; echo \"login ended with $?\"; sleep 600");
            waitFor("Press Enter to reset your password");
            type("");
            waitFor("User name: ");
            type("alice");
            waitFor("Method [");
            Matcher email = Pattern.compile("(\\d+)\\) Email a code").matcher(screen());
            assertThat(email.find()).as(screen()).isTrue();
            type(email.group(1));
            waitFor("Type your full email address");
            type("alice@example.org");
            waitFor("Code (Enter to go back): ");
            type(awaitCode(dataDir.resolve("outbox"), "alice@example.org"));
            waitFor("New password: ");
            type(newPassword);
            waitFor("Type it again: ");
            type(newPassword);
            waitFor("login ended with 0");
            String screen = screen();
            Files.writeString(Paths.get("target", "linux-sign-in-screen.txt"), screen, StandardCharsets.UTF_8);
            assertThat(screen).contains(LogonDialogue.SUCCESS).doesNotContain(newPassword);

            // The temporary identity is gone: the reset finished as LogonScreen, no process or file of 'reset' is left.
            JsonNode event = admin(
                            "GET",
                            base + "/api/v1/admin/audit?target=alice&activity=Reset%20password%20(self-service)",
                            null,
                            200)
                    .get("events")
                    .get(0);
            assertThat(event.get("result").asText()).isEqualTo("Success");
            JsonNode events = admin("GET", base + "/api/v1/admin/audit?target=alice", null, 200)
                    .get("events");
            assertThat(events.findValuesAsText("clientType"))
                    .as(events.toString())
                    .contains("LogonScreen");
            assertThat(events.findValuesAsText("actor"))
                    .as(events.toString())
                    .anyMatch(a -> a.startsWith("device:linux-e2e"));
            assertThat(run("pgrep", "-u", "reset").exitCode())
                    .as("no process of the reset account")
                    .isNotZero();
            assertThat(run("find", "/tmp", "/var/tmp", "/dev/shm", "/run", "-xdev", "-user", "reset")
                            .output()
                            .strip())
                    .isEmpty();

            // A PAM stack we did not write: pam_ldap through nslcd, on a service file of its own.
            Files.writeString(
                    NSLCD_CONF,
                    "uid nslcd\ngid nslcd\nuri ldap://127.0.0.1:" + ldapPort + "/\nbase dc=example,dc=org\n");
            run("chown", "root:nslcd", NSLCD_CONF.toString());
            run("chmod", "640", NSLCD_CONF.toString());
            Files.writeString(PAM_SERVICE, """
                    # OpenSSPR LinuxSignInIntegrationTests: removed after the test
                    auth required pam_ldap.so
                    account required pam_permit.so
                    """);
            nslcd = new ProcessBuilder("nslcd", "-d")
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("nslcd.log").toFile())
                    .start();
            awaitLogLine(work.resolve("nslcd.log"), "accepting connections", nslcd);
            Result accepted = pamtester(newPassword);
            assertThat(accepted.exitCode()).as(accepted.output()).isZero();
            assertThat(accepted.output()).contains("successfully authenticated");
            Result refused = pamtester(OLD_PASSWORD);
            assertThat(refused.exitCode()).as(refused.output()).isNotZero();
            assertThat(refused.output()).contains("Authentication failure");

            stop(broker);
            broker = null;
            Result uninstall = agent(agentJar, "uninstall", "--quiet");
            assertThat(uninstall.exitCode()).as(uninstall.output()).isZero();
            assertThat(uninstall.output()).isEmpty();
            assertThat(run("id", "reset").exitCode()).isNotZero();
            assertThat(run("getent", "group", "sspr-reset").exitCode()).isNotZero();
            assertThat(Path.of("/usr/lib/sspr-agent")).doesNotExist();
            assertThat(Path.of("/run/sspr-agent")).doesNotExist();
            assertThat(Path.of("/etc/systemd/system/sspr-agent-broker.service")).doesNotExist();
            assertThat(Path.of("/etc/ssh/sshd_config.d/sspr-agent.conf")).doesNotExist();
            assertThat(agent(agentJar, "uninstall", "--quiet").exitCode()).isZero();
        } finally {
            run("tmux", "-L", tmuxSocket, "kill-server");
            stop(nslcd);
            if (nslcdConf != null) {
                Files.write(NSLCD_CONF, nslcdConf);
            }
            Files.deleteIfExists(PAM_SERVICE);
            stop(broker);
            if (run("getent", "passwd", "reset").exitCode() == 0) {
                agent(agentJar, "uninstall", "--quiet");
            }
            stop(server);
        }
    }

    private Result pamtester(String password) throws Exception {
        Process process = new ProcessBuilder("pamtester", "sspr-e2e", "alice", "authenticate")
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().write((password + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        return finish(process, List.of("pamtester"));
    }

    private JsonNode admin(String method, String url, String body, int expected) throws Exception {
        return ServerCalls.admin(ADMIN_TOKEN, method, url, body, expected);
    }

    private void awaitFile(Path file, Process owner) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && !Files.exists(file)) {
            if (!owner.isAlive()) {
                fail("the broker exited:\n" + Files.readString(work.resolve("broker.log")));
            }
            Thread.sleep(100);
        }
        assertThat(file).exists();
    }

    /** Waits (at most 30 s) until {@code socket}'s owner, group and mode are {@code expected} ({@code stat -c '%U:%G %a'}). */
    private void awaitSocketMode(String socket, String expected, Process owner) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String seen = run("stat", "-c", "%U:%G %a", socket).output().strip();
        while (!seen.equals(expected) && System.nanoTime() < deadline) {
            if (!owner.isAlive()) {
                fail("the broker exited:\n" + Files.readString(work.resolve("broker.log")));
            }
            Thread.sleep(100);
            seen = run("stat", "-c", "%U:%G %a", socket).output().strip();
        }
        assertThat(seen).isEqualTo(expected);
    }

    /** Waits until {@code owner} writes {@code line} to {@code log}: it is ready (nslcd says so once its socket listens). */
    private static void awaitLogLine(Path log, String line, Process owner) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(Files.exists(log)
                && Files.readString(log, StandardCharsets.UTF_8).contains(line))) {
            if (!owner.isAlive() || System.nanoTime() > deadline) {
                fail("no '" + line + "' in " + log + (owner.isAlive() ? " within 30 s" : ": the process exited") + ":\n"
                        + (Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : ""));
            }
            Thread.sleep(50);
        }
    }

    private static String awaitCode(Path outbox, String recipient) throws Exception {
        return ServerCalls.awaitCode(outbox, recipient);
    }

    private void type(String text) throws Exception {
        if (!text.isEmpty()) {
            tmux("send-keys", "-t", "logon", "-l", text);
        }
        tmux("send-keys", "-t", "logon", "Enter");
    }

    private void waitFor(String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = screen();
            if (screen.contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        fail("waited 30 s for '" + text + "'; the screen:\n" + screen);
    }

    private String screen() throws Exception {
        return tmux("capture-pane", "-p", "-J", "-t", "logon");
    }

    private String tmux(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", tmuxSocket));
        command.addAll(List.of(args));
        Result result = run(command.toArray(String[]::new));
        assertThat(result.exitCode())
                .as("tmux " + String.join(" ", args) + ": " + result.output())
                .isZero();
        return result.output();
    }
}
