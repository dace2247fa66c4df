package org.opensspr.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensspr.agent.AgentException;
import org.opensspr.agent.ExitCode;
import org.opensspr.agent.LogonStubServer;
import org.opensspr.agent.logon.LogonDialogue;
import org.opensspr.agent.logon.ScriptedLogonTerminal;
import org.opensspr.agent.server.ServerClient;
import picocli.CommandLine;

class LogonCommandTests {

    private static final String REJECTED = "short-pw1";
    private static final String ACCEPTED = "Tea-Party-at-Four!";

    @TempDir
    Path stateDir;

    private LogonStubServer stub;

    @AfterEach
    void stopStub() {
        if (stub != null) {
            stub.close();
        }
    }

    private int logon(ScriptedLogonTerminal terminal, String... args) {
        return new CommandLine(new LogonCommand(terminal, null).withStateDir(stateDir)).execute(args);
    }

    private void stubWithConfiguration(boolean serverEnables, boolean configurationEnables) throws IOException {
        stub = new LogonStubServer(serverEnables);
        stub.writeState(stateDir, configurationEnables);
    }

    @Test
    void logonWhenEnabledThenTheUserResetsThePasswordPastAWrongCodeAndARejectedPassword() throws IOException {
        stubWithConfiguration(true, true);
        ScriptedLogonTerminal terminal = new ScriptedLogonTerminal(
                "",
                "alice",
                "1",
                "alice@example.org",
                "11111111",
                LogonStubServer.CODE,
                REJECTED,
                REJECTED,
                ACCEPTED,
                ACCEPTED);

        assertThat(logon(terminal)).isZero();

        String screen = terminal.screen();
        assertThat(screen)
                .containsSubsequence(
                        LogonDialogue.MENU,
                        "User name: alice",
                        "1) Email a code to a*****@e*****.org",
                        "Type your full email address (a*****@e*****.org), or Enter to go back: alice@example.org",
                        "Code (Enter to go back): 11111111",
                        "The code is wrong or has expired.",
                        "Code (Enter to go back): " + LogonStubServer.CODE,
                        "Verified.",
                        "Choose a new password. It must:",
                        "The password was not accepted:",
                        "  - " + LogonStubServer.VIOLATION,
                        LogonDialogue.SUCCESS);
        assertThat(terminal.unread()).isZero();
        assertThat(stub.acceptedPassword).isEqualTo(ACCEPTED);
        assertThat(stub.flowAuthorization).isEqualTo("Bearer " + LogonStubServer.SESSION_TOKEN);
        assertThat(stub.challengeContact).isEqualTo("alice@example.org");
    }

    @Test
    void logonNeverShowsThePasswordTheSessionTokenOrTheDeviceSecret() throws IOException {
        stubWithConfiguration(true, true);
        ScriptedLogonTerminal terminal = new ScriptedLogonTerminal(
                "", "alice", "", "alice@example.org", LogonStubServer.CODE, REJECTED, REJECTED, ACCEPTED, ACCEPTED);

        assertThat(logon(terminal)).isZero();

        assertThat(terminal.screen())
                .doesNotContain(REJECTED)
                .doesNotContain(ACCEPTED)
                .doesNotContain(LogonStubServer.SESSION_TOKEN)
                .doesNotContain(LogonStubServer.DEVICE_SECRET);
    }

    @Test
    void logonWhenTheTwoPasswordsDifferThenItAsksAgainWithoutSendingEither() throws IOException {
        stubWithConfiguration(true, true);
        ScriptedLogonTerminal terminal = new ScriptedLogonTerminal(
                "",
                "alice",
                "1",
                "alice@example.org",
                LogonStubServer.CODE,
                ACCEPTED,
                ACCEPTED + "x",
                ACCEPTED,
                ACCEPTED);

        assertThat(logon(terminal)).isZero();

        assertThat(terminal.screen()).contains("The two passwords are not the same. Try again.");
        assertThat(stub.requests).filteredOn(r -> r.endsWith("/password")).hasSize(1);
    }

    @Test
    void logonShowsTheServersPasswordRulesAndARefusedPasswordNeedsNoSecondTyping() throws IOException {
        stubWithConfiguration(true, true);
        stub.passwordPolicy = true;
        ScriptedLogonTerminal terminal = new ScriptedLogonTerminal(
                "", "alice", "1", "alice@example.org", LogonStubServer.CODE, REJECTED, ACCEPTED, ACCEPTED);

        assertThat(logon(terminal)).isZero();

        assertThat(terminal.screen())
                .containsSubsequence(
                        "Choose a new password. The rules of the reset service:",
                        "  - " + LogonStubServer.RULE,
                        "New password: ",
                        "The password was not accepted:",
                        "  - " + LogonStubServer.VIOLATION,
                        "New password: ",
                        "Type it again: ",
                        LogonDialogue.SUCCESS)
                .doesNotContain("8 characters")
                .doesNotContain(REJECTED)
                .doesNotContain(ACCEPTED);
        assertThat(terminal.unread()).isZero();
        assertThat(stub.requests).filteredOn(r -> r.endsWith("/password/check")).hasSize(2);
        assertThat(stub.requests)
                .as("only the accepted password is set")
                .filteredOn(r -> r.endsWith("/password"))
                .hasSize(1);
        assertThat(stub.acceptedPassword).isEqualTo(ACCEPTED);
    }

    @Test
    void logonWhenTheServerSendsNoRulesThenItStatesNoLengthOfItsOwnAndTheServerDecides() throws IOException {
        stubWithConfiguration(true, true);
        ScriptedLogonTerminal terminal = new ScriptedLogonTerminal(
                "", "alice", "1", "alice@example.org", LogonStubServer.CODE, ACCEPTED, ACCEPTED);

        assertThat(logon(terminal)).isZero();

        assertThat(terminal.screen())
                .contains("Choose a new password. It must:")
                .doesNotContain("8 characters")
                .contains(LogonDialogue.SUCCESS);
        assertThat(stub.acceptedPassword).isEqualTo(ACCEPTED);
    }

    @Test
    void logonWhenTheConfigurationDisablesResetThenNoMenuAndExitFive() throws IOException {
        stubWithConfiguration(true, false);
        ScriptedLogonTerminal terminal = new ScriptedLogonTerminal("", "alice");

        assertThat(logon(terminal)).isEqualTo(ExitCode.NOT_ENABLED.code()).isEqualTo(5);

        assertThat(terminal.screen()).doesNotContain(LogonDialogue.MENU).contains(LogonDialogue.NOT_ENABLED);
        assertThat(stub.requests).isEmpty();
    }

    @Test
    void logonWhenThereIsNoConfigurationYetThenResetIsNotEnabled() throws IOException {
        stubWithConfiguration(true, true);
        Files.delete(stateDir.resolve("configuration.json"));
        ScriptedLogonTerminal terminal = new ScriptedLogonTerminal("");

        assertThat(logon(terminal)).isEqualTo(ExitCode.NOT_ENABLED.code());
        assertThat(terminal.screen()).doesNotContain(LogonDialogue.MENU);
    }

    @Test
    void logonWhenTheServerDoesNotEnableResetThenThePlainMessageASupportHintAndExitFive() throws IOException {
        stubWithConfiguration(false, true);
        ScriptedLogonTerminal terminal = new ScriptedLogonTerminal("");

        assertThat(logon(terminal)).isEqualTo(ExitCode.NOT_ENABLED.code());

        assertThat(terminal.screen())
                .contains(LogonDialogue.NOT_ENABLED)
                .contains("ask your helpdesk and mention \"logon-reset-not-enabled\"")
                .doesNotContain("not enabled for this device");
    }

    @Test
    void logonWhenTheDeviceIsDisabledOnTheServerThenTheUserSeesNoAdminMessage() throws IOException {
        stubWithConfiguration(true, true);
        stub.deviceDisabled = true;
        ScriptedLogonTerminal terminal = new ScriptedLogonTerminal("", "alice");

        assertThat(logon(terminal)).isEqualTo(ExitCode.SERVER.code());

        assertThat(terminal.screen())
                .contains(AgentException.DEVICE_NOT_ACCEPTED)
                .doesNotContain("credential")
                .doesNotContain("disabled")
                .doesNotContain("secret")
                .doesNotContain("User name");
    }

    @Test
    void logonWhenTheServerCannotBeReachedThenTheNetworkMessage() throws IOException {
        stubWithConfiguration(true, true);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ScriptedLogonTerminal terminal = new ScriptedLogonTerminal("");

        assertThat(logon(terminal, "--server", "http://127.0.0.1:" + closedPort))
                .isEqualTo(ExitCode.SERVER.code());

        assertThat(terminal.screen())
                .contains(
                        "The reset service cannot be reached. Check the network cable or Wi-Fi, or ask your helpdesk.");
    }

    @Test
    void logonWhenPlainHttpToAnotherMachineThenRefusedBeforeAnyRequest() throws IOException {
        stubWithConfiguration(true, true);
        ScriptedLogonTerminal terminal = new ScriptedLogonTerminal("");

        assertThat(logon(terminal, "--server", "http://reset.example.org")).isEqualTo(ExitCode.USAGE.code());

        assertThat(terminal.screen())
                .contains("Refusing plain http:// to reset.example.org")
                .doesNotContain(LogonDialogue.MENU);
    }

    @Test
    void logonWhenTheDeviceIsNotJoinedThenExitFour() {
        ScriptedLogonTerminal terminal = new ScriptedLogonTerminal("");

        assertThat(logon(terminal)).isEqualTo(4);
        assertThat(terminal.screen()).contains("This device has not joined").contains("sspr-agent join");
    }

    @Test
    void logonWhenTheInputEndsThenItStopsCleanly() throws IOException {
        stubWithConfiguration(true, true);
        ScriptedLogonTerminal terminal = new ScriptedLogonTerminal("", "alice");

        assertThat(logon(terminal)).isEqualTo(1);

        assertThat(terminal.screen()).endsWith(LogonDialogue.CANCELLED + "\n");
        assertThat(stub.requests).noneMatch(r -> r.endsWith("/password"));
    }

    @Test
    void logonWhenTheUserGoesBackAtTheMenuThenNothingIsAsked() throws IOException {
        stubWithConfiguration(true, true);
        ScriptedLogonTerminal terminal = new ScriptedLogonTerminal("q");

        assertThat(logon(terminal)).isEqualTo(1);

        assertThat(terminal.screen()).contains("Back to sign-in.").doesNotContain("User name");
        assertThat(stub.requests).isEmpty();
    }

    @Test
    void logonWhenUnlockIsOfferedAndChosenThenTheAccountIsUnlockedWithoutANewPassword() throws IOException {
        stubWithConfiguration(true, true);
        ScriptedLogonTerminal terminal =
                new ScriptedLogonTerminal("", "alice", "1", "alice@example.org", LogonStubServer.CODE, "2");

        assertThat(logon(terminal, "--offer-unlock")).isZero();

        assertThat(terminal.screen())
                .contains("2) Unlock my account and keep my current password")
                .endsWith(LogonDialogue.UNLOCKED + "\n");
        assertThat(stub.requests)
                .contains("POST /api/v1/reset/flows/flow-1/unlock")
                .noneMatch(r -> r.endsWith("/password"));
    }

    @Test
    void logonWhenTheMethodIsSecurityQuestionsThenEachQuestionIsShownAnswersAreNotEchoedAndWrongAnswersGetANewSet()
            throws IOException {
        stubWithConfiguration(true, true);
        stub.methods = "[{\"id\":\"questions\",\"type\":\"questions\",\"hint\":\"\"}]";
        ScriptedLogonTerminal terminal =
                new ScriptedLogonTerminal("", "alice", "1", "blue", "green", "blue", "blue", ACCEPTED, ACCEPTED);

        assertThat(logon(terminal)).isZero();

        assertThat(terminal.screen())
                .containsSubsequence(
                        "1) Answer my security questions",
                        "Favourite colour? \n",
                        "Colour of your first car? \n",
                        "One or more answers are wrong.",
                        "Here is a new set of questions.",
                        "Favourite colour? \n",
                        "Colour of your first car? \n",
                        "Verified.",
                        LogonDialogue.SUCCESS);
        assertThat(terminal.screen())
                .as("answers are typed without echo, as passwords are")
                .doesNotContain("blue")
                .doesNotContain("green");
    }

    @Test
    void logonGoesThroughTheMachineProxyForHttps() throws Exception {
        stubWithConfiguration(true, true);
        try (ServerSocket proxy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> {
                try (Socket client = proxy.accept()) {
                    return new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII))
                            .readLine();
                } catch (IOException e) {
                    return e.toString();
                }
            });
            System.setProperty("https.proxyHost", "127.0.0.1");
            System.setProperty("https.proxyPort", String.valueOf(proxy.getLocalPort()));
            ScriptedLogonTerminal terminal = new ScriptedLogonTerminal("");
            try {
                assertThat(logon(terminal, "--server", "https://sspr.example.org"))
                        .isEqualTo(ExitCode.SERVER.code());
            } finally {
                System.clearProperty("https.proxyHost");
                System.clearProperty("https.proxyPort");
            }

            assertThat(firstLine.get(10, TimeUnit.SECONDS)).startsWith("CONNECT sspr.example.org:443");
            assertThat(terminal.screen()).contains(ServerClient.UNREACHABLE);
        }
    }

    @Test
    void sspRAgentKnowsTheLogonCommand() {
        assertThat(SsprAgent.commandLine().getSubcommands()).containsKey("logon");
    }
}
