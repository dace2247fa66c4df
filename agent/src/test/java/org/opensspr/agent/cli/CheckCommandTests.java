package org.opensspr.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensspr.agent.AgentRun;
import org.opensspr.agent.device.DeviceCredential;
import org.opensspr.agent.device.StateDir;
import org.opensspr.agent.registry.RegReaderTests;
import org.opensspr.readiness.ReadinessRules;

/**
 * {@code check} on registry exports: for every readiness rule an export that passes it and one that
 * breaks it, each written both as regedit does (UTF-16LE with a byte-order mark) and as UTF-8. The
 * bad and good variants are {@code reg/ready.reg} with a few keys appended, which an import (and the
 * reader) applies on top.
 */
class CheckCommandTests {

    private static final String CV = "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]\r\n";
    private static final String SYSTEM =
            "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System]\r\n";
    private static final String WINDOWS_SYSTEM =
            "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows\\System]\r\n";
    private static final String TLS =
            "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client]\r\n";

    /** One rule: what to append for a device that passes it and for one that breaks it. */
    record Case(
            String rule,
            String good,
            String bad,
            List<String> goodArgs,
            List<String> badArgs,
            boolean goodJoined,
            boolean badJoined,
            boolean goodReady) {

        static Case of(String rule, String good, String bad) {
            return new Case(rule, good, bad, List.of(), List.of(), true, true, true);
        }

        @Override
        public String toString() {
            return rule;
        }
    }

    static List<Case> cases() {
        return List.of(
                Case.of(
                        ReadinessRules.OS_VERSION,
                        CV + "\"CurrentBuildNumber\"=\"17134\"\r\n",
                        CV + "\"CurrentBuildNumber\"=\"17133\"\r\n"),
                new Case(ReadinessRules.JOIN_STATE, "", "", List.of(), List.of(), true, false, true),
                Case.of(
                        ReadinessRules.POLICY_DISABLED,
                        "",
                        "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\AzureADAccount]\r\n\"AllowPasswordReset\"=-\r\n"),
                new Case(
                        ReadinessRules.REMOTE_SESSION,
                        "",
                        "",
                        List.of("--session", "console"),
                        List.of("--session", "rdp"),
                        true,
                        true,
                        true),
                Case.of(
                        ReadinessRules.THIRD_PARTY_CREDENTIAL_PROVIDER,
                        "",
                        "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Authentication\\Credential Providers\\{d1b6b3c4-0000-4000-8000-00000000a0c3}]\r\n@=\"Acme Vault\"\r\n"),
                Case.of(
                        ReadinessRules.UAC_DISABLED,
                        SYSTEM + "\"EnableLUA\"=dword:00000001\r\n",
                        SYSTEM + "\"EnableLUA\"=dword:00000000\r\n"),
                Case.of(
                        ReadinessRules.CTRL_ALT_DEL_1809,
                        CV + "\"CurrentBuildNumber\"=\"17763\"\r\n" + SYSTEM + "\"DisableCAD\"=dword:00000001\r\n",
                        CV + "\"CurrentBuildNumber\"=\"17763\"\r\n" + SYSTEM + "\"DisableCAD\"=dword:00000000\r\n"),
                Case.of(
                        ReadinessRules.LOCK_SCREEN_NOTIFICATIONS_DISABLED,
                        WINDOWS_SYSTEM + "\"DisableLockScreenAppNotifications\"=dword:00000000\r\n",
                        WINDOWS_SYSTEM + "\"DisableLockScreenAppNotifications\"=dword:00000001\r\n"),
                Case.of(
                        ReadinessRules.HIDE_FAST_USER_SWITCHING,
                        SYSTEM + "\"HideFastUserSwitching\"=dword:00000000\r\n",
                        SYSTEM + "\"HideFastUserSwitching\"=dword:00000001\r\n"),
                Case.of(
                        ReadinessRules.DONT_DISPLAY_LAST_USER_NAME,
                        SYSTEM + "\"DontDisplayLastUserName\"=dword:00000000\r\n",
                        SYSTEM + "\"DontDisplayLastUserName\"=dword:00000001\r\n"),
                Case.of(
                        ReadinessRules.NO_LOCK_SCREEN,
                        "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows\\Personalization]\r\n\"NoLockScreen\"=dword:00000000\r\n",
                        "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows\\Personalization]\r\n\"NoLockScreen\"=dword:00000001\r\n"),
                Case.of(
                        ReadinessRules.CUSTOM_SHELL,
                        "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon]\r\n\"Shell\"=\"C:\\\\Windows\\\\explorer.exe\"\r\n",
                        "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon]\r\n\"Shell\"=\"kiosk.exe\"\r\n"),
                new Case(
                        ReadinessRules.CAD_NOTIFICATIONS_SKU_COMBINATION,
                        CV + "\"EditionID\"=\"Professional\"\r\n" + SYSTEM + "\"DisableCAD\"=dword:00000000\r\n"
                                + WINDOWS_SYSTEM + "\"DisableLockScreenAppNotifications\"=dword:00000001\r\n",
                        CV + "\"EditionID\"=\"Enterprise\"\r\n" + SYSTEM + "\"DisableCAD\"=dword:00000000\r\n"
                                + WINDOWS_SYSTEM + "\"DisableLockScreenAppNotifications\"=dword:00000001\r\n",
                        List.of(),
                        List.of(),
                        true,
                        true,
                        false),
                Case.of(
                        ReadinessRules.SMART_CARD_REQUIRED,
                        SYSTEM + "\"scforceoption\"=dword:00000000\r\n",
                        SYSTEM + "\"scforceoption\"=dword:00000001\r\n"),
                Case.of(
                        ReadinessRules.BLOCK_NON_ADMIN_USER_INSTALL,
                        "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows\\Appx]\r\n\"BlockNonAdminUserInstall\"=dword:00000000\r\n",
                        "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows\\Appx]\r\n\"BlockNonAdminUserInstall\"=dword:00000001\r\n"),
                new Case(
                        ReadinessRules.TLS12_DISABLED,
                        CV + "\"CurrentBuildNumber\"=\"9600\"\r\n" + TLS
                                + "\"Enabled\"=dword:00000001\r\n\"DisabledByDefault\"=dword:00000000\r\n",
                        CV + "\"CurrentBuildNumber\"=\"9600\"\r\n" + TLS
                                + "\"Enabled\"=dword:00000001\r\n\"DisabledByDefault\"=dword:00000001\r\n",
                        List.of(),
                        List.of(),
                        true,
                        true,
                        false));
    }

    static Stream<Arguments> casesInBothEncodings() {
        return cases().stream().flatMap(c -> Stream.of(Arguments.of(c, "UTF-16LE"), Arguments.of(c, "UTF-8")));
    }

    @TempDir
    Path dir;

    private String ready;

    @BeforeEach
    void readReadyExport() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/reg/ready.reg")) {
            ready = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyRuleThatAnExportCanBreakHasACase() {
        List<String> covered = cases().stream().map(Case::rule).toList();
        assertThat(ReadinessRules.IDS)
                .containsAll(covered)
                .hasSize(covered.size() + 2); // lost-mode and 8021x-prelogon: see checkNeverReportsWhatNoExportHolds
    }

    @ParameterizedTest(name = "{0} breaks ({1})")
    @MethodSource("casesInBothEncodings")
    void checkWhenExportBreaksTheRuleThenFinding(Case c, String encoding) throws IOException {
        AgentRun run = check(c.bad(), encoding, c.badJoined(), c.badArgs());

        assertThat(rules(run)).contains(c.rule());
        boolean error = findings(run).stream()
                .anyMatch(
                        f -> f.get("rule").equals(c.rule()) && f.get("severity").equals("error"));
        assertThat(run.exitCode()).isEqualTo(error ? 1 : 0);
        assertThat(run.json().get("ready")).isEqualTo(!error);
    }

    @ParameterizedTest(name = "{0} passes ({1})")
    @MethodSource("casesInBothEncodings")
    void checkWhenExportPassesTheRuleThenNoFinding(Case c, String encoding) throws IOException {
        AgentRun run = check(c.good(), encoding, c.goodJoined(), c.goodArgs());

        assertThat(rules(run)).doesNotContain(c.rule());
        if (c.goodReady()) {
            assertThat(run.exitCode()).isZero();
            assertThat(findings(run)).isEmpty();
        }
        assertThat(run.json().get("warnings")).isEqualTo(List.of());
    }

    @Test
    void checkNeverReportsWhatNoExportHolds() throws IOException {
        AgentRun run = check("", "UTF-16LE", true, List.of());

        assertThat(rules(run)).doesNotContain(ReadinessRules.LOST_MODE, ReadinessRules.DOT1X_PRELOGON);
    }

    @Test
    void checkWhenCachedConfigurationEnablesResetThenPolicyIsSatisfied() throws IOException {
        Files.createDirectories(dir.resolve("state"));
        Files.writeString(
                dir.resolve("state").resolve(StateDir.CONFIGURATION),
                "{\"settings\":[{\"omaUri\":\"./Device/Vendor/MSFT/Policy/Config/Authentication/AllowAadPasswordReset\",\"dataType\":\"integer\",\"value\":1}]}");

        AgentRun run = check(
                "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\AzureADAccount]\r\n\"AllowPasswordReset\"=dword:00000000\r\n",
                "UTF-8",
                true,
                List.of());

        assertThat(rules(run)).doesNotContain(ReadinessRules.POLICY_DISABLED);
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void checkWithoutJsonPrintsRuleSeverityMessageAndRemedy() throws IOException {
        Path export = write(ready + SYSTEM + "\"EnableLUA\"=dword:00000000\r\n", "UTF-16LE");

        AgentRun run = AgentRun.of("check", "--state-dir", joinedState().toString(), "--registry", export.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .contains("Device: Windows build 19045 (22H2), edition Professional, session console, joined")
                .contains("Ready for password reset from the sign-in screen: NO (1 error, 0 warnings)")
                .contains("error    uac-disabled")
                .contains("User Account Control is turned off")
                .contains("Remedy: Turn User Account Control on");
    }

    @Test
    void checkWhenExportHasBrokenLinesThenWarnsAndStillJudges() throws IOException {
        Path export = write(ready + SYSTEM + "\"EnableLUA\"=dword:zz\r\n", "UTF-8");

        AgentRun run = AgentRun.of("check", "--state-dir", joinedState().toString(), "--registry", export.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("warning: ").contains("line 26: expected 1 to 8 hexadecimal digits");
    }

    @Test
    void checkWhenRegistryFileIsMissingOrNotAnExportThenExitTwo() throws IOException {
        AgentRun missing = AgentRun.of(
                "check",
                "--state-dir",
                dir.toString(),
                "--registry",
                dir.resolve("nope.reg").toString());
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello\nworld\n");
        AgentRun notExport = AgentRun.of("check", "--state-dir", dir.toString(), "--registry", text.toString());

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");
        assertThat(notExport.exitCode()).isEqualTo(2);
        assertThat(notExport.err()).contains("is not a registry export");
    }

    @Test
    void checkWhenSessionIsUnknownThenExitTwo() throws IOException {
        AgentRun run = AgentRun.of(
                "check",
                "--state-dir",
                dir.toString(),
                "--registry",
                write(ready, "UTF-8").toString(),
                "--session",
                "vnc");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--session must be console, rdp or hyperv-enhanced");
    }

    private AgentRun check(String appended, String encoding, boolean joined, List<String> extraArgs)
            throws IOException {
        Path export = write(ready + "\r\n" + appended, encoding);
        Path state = joined ? joinedState() : dir.resolve("state");
        List<String> args = new ArrayList<>(
                List.of("check", "--json", "--state-dir", state.toString(), "--registry", export.toString()));
        args.addAll(extraArgs);
        return AgentRun.of(args.toArray(String[]::new));
    }

    private Path joinedState() {
        StateDir state = new StateDir(dir.resolve("state"));
        if (state.credential().isEmpty()) {
            state.saveCredential(
                    new DeviceCredential(URI.create("https://sspr.example.org"), "dev_test", "secret-not-used"));
        }
        return state.dir();
    }

    private Path write(String text, String encoding) throws IOException {
        byte[] bytes =
                encoding.equals("UTF-16LE") ? RegReaderTests.utf16le(text) : text.getBytes(StandardCharsets.UTF_8);
        return Files.write(Files.createTempFile(dir, "export", ".reg"), bytes);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> findings(AgentRun run) {
        return (List<Map<String, Object>>) run.json().get("findings");
    }

    private static List<Object> rules(AgentRun run) {
        assertThat(run.exitCode()).as(run.err()).isIn(0, 1);
        return findings(run).stream().map(f -> f.get("rule")).toList();
    }
}
