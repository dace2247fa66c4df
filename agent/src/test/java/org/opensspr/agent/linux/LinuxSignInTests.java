package org.opensspr.agent.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensspr.agent.AgentException;
import org.opensspr.agent.AgentRun;
import org.opensspr.agent.ExitCode;
import org.opensspr.agent.LogonStubServer;
import org.opensspr.agent.cli.LogonCommand;
import org.opensspr.agent.device.StateDir;
import org.opensspr.agent.logon.LogonBroker;
import org.opensspr.agent.logon.LogonDialogue;
import org.opensspr.agent.logon.ScriptedLogonTerminal;
import org.opensspr.agent.server.ServerClient;
import picocli.CommandLine;

/**
 * {@code install}/{@code uninstall} under a temporary root (no accounts are touched there), the
 * broker on a temporary socket against {@link LogonStubServer}, and {@code logon --broker-socket}.
 */
class LinuxSignInTests {

    @TempDir
    Path root;

    @TempDir
    Path stateDir;

    @Test
    void installWritesTheShellTheUnitAndTheSshdRuleAndASecondInstallChangesNothing() throws IOException {
        Files.createDirectories(root.resolve("etc/ssh"));

        AgentRun first = AgentRun.of("--state-dir", stateDir.toString(), "install", "--root", root.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out())
                .contains(
                        "wrote /" + LinuxSignIn.SHELL,
                        "wrote /" + LinuxSignIn.UNIT,
                        "wrote /" + LinuxSignIn.SSHD_DROP_IN);

        Path shell = root.resolve(LinuxSignIn.SHELL);
        assertThat(Files.readString(shell))
                .startsWith("#!/bin/sh\n")
                .contains("if [ $# -gt 0 ] || [ -n \"${SSH_CONNECTION:-}")
                .contains("-jar /usr/lib/sspr-agent/sspr-agent.jar logon --broker-socket /run/sspr-agent/broker.sock")
                .contains("exec /usr/bin/env -i PATH=/usr/bin:/bin TERM=")
                .doesNotContain("device.properties");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shell)))
                .isEqualTo("rwxr-xr-x");
        assertThat(Files.readString(root.resolve(LinuxSignIn.UNIT)))
                .contains("--state-dir " + stateDir + " broker --socket /run/sspr-agent/broker.sock --group sspr-reset")
                .contains("WantedBy=multi-user.target");
        assertThat(Files.readString(root.resolve(LinuxSignIn.SSHD_DROP_IN))).contains("DenyUsers reset\n");

        AgentRun quietAgain =
                AgentRun.of("--state-dir", stateDir.toString(), "install", "--quiet", "--root", root.toString());
        assertThat(quietAgain.exitCode()).isZero();
        assertThat(quietAgain.out()).isEmpty();
        assertThat(AgentRun.of("--state-dir", stateDir.toString(), "install", "--root", root.toString())
                        .out())
                .isEqualTo("Nothing to do." + System.lineSeparator());
    }

    @Test
    void withoutEtcSshThereIsNoSshdRuleAndAnotherAccountNameIsUsed() {
        AgentRun run = AgentRun.of("install", "--quiet", "--account", "pwreset", "--root", root.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(root.resolve(LinuxSignIn.SSHD_DROP_IN)).doesNotExist();
        assertThat(root.resolve(LinuxSignIn.SHELL)).isRegularFile();

        AgentRun bad = AgentRun.of("install", "--account", "root;rm", "--root", root.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--account must be a plain lower-case user name");
    }

    @Test
    void uninstallRemovesEveryFileAndRunsTwice() throws IOException {
        Files.createDirectories(root.resolve("etc/ssh"));
        assertThat(AgentRun.of("install", "--quiet", "--root", root.toString()).exitCode())
                .isZero();
        Files.createDirectories(root.resolve(LinuxSignIn.RUN));
        Files.writeString(root.resolve(LinuxSignIn.RUN).resolve("broker.sock"), "");

        AgentRun first = AgentRun.of("uninstall", "--quiet", "--root", root.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).isEmpty();
        assertThat(root.resolve("usr/lib/sspr-agent")).doesNotExist();
        assertThat(root.resolve(LinuxSignIn.UNIT)).doesNotExist();
        assertThat(root.resolve(LinuxSignIn.SSHD_DROP_IN)).doesNotExist();
        assertThat(root.resolve(LinuxSignIn.RUN)).doesNotExist();
        assertThat(root.resolve("etc/ssh")).isDirectory();

        AgentRun second = AgentRun.of("uninstall", "--root", root.toString());
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).isEqualTo("Nothing to do." + System.lineSeparator());
    }

    @Test
    void thePackageBuildNamesTheJavaAndPackagedInstallWritesNoFile() throws IOException {
        AgentRun build = AgentRun.of(
                "--state-dir",
                "/var/lib/sspr-agent",
                "install",
                "--quiet",
                "--java",
                "/usr/bin/java",
                "--root",
                root.toString());
        assertThat(build.exitCode()).as(build.err()).isZero();
        assertThat(Files.readString(root.resolve(LinuxSignIn.UNIT)))
                .contains("ExecStart=/usr/bin/java -XX:-UsePerfData -jar /usr/lib/sspr-agent/sspr-agent.jar"
                        + " --state-dir /var/lib/sspr-agent broker");
        assertThat(Files.readString(root.resolve(LinuxSignIn.SHELL)))
                .contains(
                        "    /usr/bin/java -XX:-UsePerfData -Xshare:auto -jar /usr/lib/sspr-agent/sspr-agent.jar logon");

        Path packagedRoot = Files.createDirectories(root.resolve("packaged"));
        AgentRun packaged = AgentRun.of("install", "--packaged", "--root", packagedRoot.toString());
        assertThat(packaged.exitCode()).as(packaged.err()).isZero();
        assertThat(packaged.out()).isEqualTo("Nothing to do." + System.lineSeparator());
        try (var files = Files.list(packagedRoot)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void underATemporaryRootNoAccountOrServiceCommandRuns() {
        List<List<String>> ran = new CopyOnWriteArrayList<>();
        LinuxSignIn recording = new LinuxSignIn(root, "reset", command -> {
            ran.add(command);
            return 1;
        });
        try {
            recording.install(null, Path.of("/usr/bin/java"), stateDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(ran).isEmpty();
    }

    @Test
    void theBrokerHandsOutOnlyTheSessionAndLogonUsesItWithoutTheDeviceSecret() throws Exception {
        Path socket = root.resolve("run/broker.sock");
        try (LogonStubServer stub = new LogonStubServer(true)) {
            stub.writeState(stateDir, true);
            try (LogonBroker broker =
                    LogonBroker.bind(socket, null, new StateDir(stateDir), ServerClient::httpClient)) {
                Thread serving = new Thread(() -> {
                    try {
                        broker.serve();
                    } catch (IOException e) {
                        // closed
                    }
                });
                serving.setDaemon(true);
                serving.start();
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)))
                        .isEqualTo("rw-rw----");
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())))
                        .isEqualTo("rwxr-x---");

                JsonNode session = LogonBroker.ask(socket, LogonBroker.SESSION);
                List<String> fields = names(session.fieldNames());
                assertThat(fields).containsExactlyInAnyOrder("sessionToken", "expiresAt", "server");
                assertThat(session.get("sessionToken").asText()).isEqualTo(LogonStubServer.SESSION_TOKEN);
                assertThat(session.toString()).doesNotContain(LogonStubServer.DEVICE_SECRET);
                assertThat(LogonBroker.ask(socket, LogonBroker.INFO)
                                .get("resetEnabled")
                                .asBoolean())
                        .isTrue();
                assertThat(broker.answer("device.properties").get("error").asText())
                        .isEqualTo("bad-request");
                assertThatThrownBy(() -> LogonBroker.ask(socket, "device.properties"))
                        .isInstanceOf(AgentException.class)
                        .hasMessageContaining("bad-request");

                // logon with an empty state dir: everything comes from the broker
                ScriptedLogonTerminal terminal = new ScriptedLogonTerminal(
                        "",
                        "alice",
                        "1",
                        "alice@example.org",
                        LogonStubServer.CODE,
                        "Tea-Party-at-Four!",
                        "Tea-Party-at-Four!");
                LogonCommand logon = new LogonCommand(terminal, null).withStateDir(root.resolve("nothing-here"));
                assertThat(new CommandLine(logon).execute("--broker-socket", socket.toString()))
                        .isZero();
                assertThat(terminal.screen()).contains(LogonDialogue.SUCCESS);
                assertThat(stub.flowAuthorization).isEqualTo("Bearer " + LogonStubServer.SESSION_TOKEN);
            }
        }
        assertThat(socket).doesNotExist();
    }

    @Test
    void theBrokerHandsOutAtMostTenSessionsAMinute() throws Exception {
        try (LogonStubServer stub = new LogonStubServer(true)) {
            stub.writeState(stateDir, true);
            try (LogonBroker broker =
                    LogonBroker.bind(root.resolve("b.sock"), null, new StateDir(stateDir), ServerClient::httpClient)) {
                for (int i = 0; i < LogonBroker.MAX_SESSIONS_PER_MINUTE; i++) {
                    assertThat(broker.answer(LogonBroker.SESSION).has("sessionToken"))
                            .isTrue();
                }
                JsonNode refused = broker.answer(LogonBroker.SESSION);
                assertThat(refused.get("error").asText()).isEqualTo("busy");
                assertThat(refused.has("sessionToken")).isFalse();
            }
        }
    }

    @Test
    void withoutABrokerLogonSaysSoAndEndsWithTheServerExitCode() {
        ScriptedLogonTerminal terminal = new ScriptedLogonTerminal();
        LogonCommand logon = new LogonCommand(terminal, null);
        assertThat(new CommandLine(logon)
                        .execute("--broker-socket", root.resolve("none.sock").toString()))
                .isEqualTo(ExitCode.SERVER.code());
        assertThat(terminal.screen()).contains("sspr-agent broker) is not running");
    }

    @Test
    void theBrokerReportsANotJoinedDevice() throws Exception {
        LogonBroker broker =
                LogonBroker.bind(root.resolve("b.sock"), null, new StateDir(stateDir), ServerClient::httpClient);
        try (broker) {
            JsonNode answer = broker.answer(LogonBroker.SESSION);
            assertThat(answer.get("error").asText()).isEqualTo("not-joined");
            assertThat(answer.get("detail").asText()).contains("has not joined");
        }
    }

    private static List<String> names(Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    static String text(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
