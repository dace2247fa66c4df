package org.opensspr.agent.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.opensspr.agent.linux.HostCommands.freePort;
import static org.opensspr.agent.linux.HostCommands.java;
import static org.opensspr.agent.linux.HostCommands.run;
import static org.opensspr.agent.linux.HostCommands.stop;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensspr.agent.cli.SsprAgent;
import org.opensspr.agent.linux.HostCommands.Result;
import org.opensspr.agent.logon.LogonWindow;

/**
 * The graphical sign-in end to end, as root, with a real display manager: the packaged server, a
 * device joined and synced with reset enabled, {@code install --quiet}, the broker, then LightDM in
 * its test mode on Xvfb with the GTK greeter (a system D-Bus of the test's own when the machine has
 * none; an X server wrapper drops the {@code vt7 -novtswitch} arguments Xvfb rejects). The greeter
 * lists "Reset password", Enter signs the {@code reset} account in without a password, and the
 * account's X session is the agent's full-screen window and nothing else; xdotool types into it.
 * Alice resets her password with the emailed code; the session ends and the greeter returns. A
 * second test tries every way out of the window while it is open.
 *
 * <p>Screenshots of each step go to {@code target/signin-gui/}, or to the folder in the
 * environment variable {@code SIGNIN_SCREENSHOT_DIR} (the project's {@code docs/images}). Needs
 * lightdm, lightdm-gtk-greeter, xvfb, xdotool, x11-utils, imagemagick, dbus and openjdk-17-jre
 * ({@code .ci/run} installs them).
 */
class GraphicalSignInIntegrationTests {

    private static final String ADMIN_TOKEN = "graphical-sign-in-admin-token";
    private static final Pattern DISPLAY = Pattern.compile("Launching process \\d+: \\S+xwrap (:\\d+) ");
    private static final Path TEST_DROP_IN = Path.of("/etc/lightdm/lightdm.conf.d/99-sspr-graphical-it.conf");
    private static final Path GREETER_STATE = Path.of("/var/lib/lightdm/.cache/lightdm-gtk-greeter/state");
    /** The WM_CLASS Java gives the windows of the agent: its main class, dots as dashes. */
    private static final String AGENT_CLASS = SsprAgent.class.getName().replace('.', '-');

    private static final Path DBUS_PID = Path.of("/run/dbus/pid");

    @TempDir
    static Path work;

    private static String agentJar;
    private static String base;
    private static Path dataDir;
    private static Process server;
    private static Process broker;
    private static Process lightdm;
    private static String dbusPid;
    private static byte[] greeterState;
    private static String display;
    private static Path xauthority;
    private static Path lightdmLog;
    private static Path shots;

    @BeforeAll
    static void greeterWithResetAccount() throws Exception {
        assumeTrue(System.getProperty("os.name").equals("Linux"), "Linux only");
        assumeTrue(run("id", "-u").output().strip().equals("0"), "needs root (CI runs as root)");
        for (String tool : List.of(
                "lightdm", "lightdm-gtk-greeter", "Xvfb", "xdotool", "xwininfo", "import", "dbus-daemon", "ps")) {
            assertThat(run("sh", "-c", "command -v " + tool + " || test -x /usr/sbin/" + tool)
                            .exitCode())
                    .as(tool + " must be installed (see .ci/run)")
                    .isZero();
        }
        assertThat(run("getent", "passwd", "reset").exitCode())
                .as("a 'reset' account exists already; this test would remove it")
                .isNotZero();
        assertThat(run("pgrep", "-x", "lightdm").exitCode())
                .as("a LightDM is running already")
                .isNotZero();
        agentJar = ServerCalls.agentJar();
        String dir = System.getenv("SIGNIN_SCREENSHOT_DIR");
        shots = dir == null || dir.isBlank() ? Path.of("target", "signin-gui") : Path.of(dir);
        Files.createDirectories(shots);

        int httpPort = freePort();
        dataDir = work.resolve("data");
        Path stateDir = work.resolve("state");
        base = "http://127.0.0.1:" + httpPort;
        server = ServerCalls.startServer(dataDir, httpPort, freePort(), ADMIN_TOKEN, work.resolve("server.log"));
        String joinToken = ServerCalls.joinTokenWithResetEnabled(base, ADMIN_TOKEN);
        String state = stateDir.toString();
        Result join =
                agent("--state-dir", state, "join", "--server", base, "--token", joinToken, "--name", "linux-gui-e2e");
        assertThat(join.exitCode()).as(join.output()).isZero();
        Result sync = agent("--state-dir", state, "sync");
        assertThat(stateDir.resolve("configuration.json")).as(sync.output()).isRegularFile();
        Result install = agent("--state-dir", state, "install", "--quiet");
        assertThat(install.exitCode()).as(install.output()).isZero();
        assertThat(install.output()).isEmpty();
        // What a greeter needs: the name it shows, the password-less group, the session, the guard.
        assertThat(run("getent", "passwd", "reset").output()).contains(":Reset password:/:");
        assertThat(run("id", "-Gn", "reset").output().strip()).isEqualTo("sspr-reset nopasswdlogin");
        assertThat(Path.of("/usr/share/xsessions/sspr-reset.desktop")).content().contains("Name=Reset password");
        assertThat(Path.of("/etc/pam.d/lightdm"))
                .content()
                .contains("auth      sufficient pam_succeed_if.so user ingroup nopasswdlogin\n@include common-auth");

        broker = new ProcessBuilder(
                        java(), "-jar", "/usr/lib/sspr-agent/sspr-agent.jar", "--state-dir", state, "broker")
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("broker.log").toFile())
                .start();
        awaitCommand(List.of("stat", "-c", "%U:%G %a", "/run/sspr-agent/broker.sock"), "root:sspr-reset 660", broker);

        // LightDM needs a system bus; a machine without systemd (a container, CI) has none running.
        if (run(
                                "dbus-send",
                                "--system",
                                "--print-reply",
                                "--dest=org.freedesktop.DBus",
                                "/",
                                "org.freedesktop.DBus.GetId")
                        .exitCode()
                != 0) {
            Files.createDirectories(Path.of("/run/dbus"));
            // A bus that was stopped leaves its pid file behind, and a new one refuses to start over it.
            if (Files.isRegularFile(DBUS_PID)
                    && !Files.exists(Path.of("/proc", Files.readString(DBUS_PID).strip(), "exe"))) {
                Files.delete(DBUS_PID);
            }
            Result dbus = run("dbus-daemon", "--system", "--fork", "--print-pid");
            assertThat(dbus.exitCode()).as(dbus.output()).isZero();
            dbusPid = dbus.output().strip();
        }
        Path xwrap = work.resolve("xwrap");
        Files.writeString(xwrap, """
                #!/bin/sh
                # LightDM starts the X server with a VT (vt7 -novtswitch): Xvfb has none and rejects them.
                args=""
                for a in "$@"; do case "$a" in vt[0-9]*|-novtswitch) ;; *) args="$args $a" ;; esac; done
                exec Xvfb $args -screen 0 1024x640x24
                """);
        run("chmod", "755", work.toString(), xwrap.toString());
        Files.writeString(
                TEST_DROP_IN,
                "# OpenSSPR GraphicalSignInIntegrationTests: removed after the test\n[Seat:*]\nxserver-command=" + xwrap
                        + "\n");
        // The greeter selects the account that signed in last: on a machine with other accounts, that is 'reset'.
        greeterState = Files.exists(GREETER_STATE) ? Files.readAllBytes(GREETER_STATE) : null;
        Files.createDirectories(GREETER_STATE.getParent());
        Files.writeString(GREETER_STATE, "[greeter]\nlast-user=reset\n");
        run(
                "chown",
                "-R",
                "lightdm:lightdm",
                GREETER_STATE.getParent().getParent().toString());
        lightdmLog = work.resolve("log/lightdm.log");
        lightdm = new ProcessBuilder(
                        "lightdm",
                        "--test-mode",
                        "--debug",
                        "--log-dir=" + work.resolve("log"),
                        "--run-dir=" + work.resolve("run"),
                        "--cache-dir=" + work.resolve("cache"))
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("lightdm.out").toFile())
                .start();
        awaitLog("Launching process", 0, lightdm);
        Matcher launched = DISPLAY.matcher(log());
        assertThat(launched.find()).as(log()).isTrue();
        display = launched.group(1);
        xauthority = work.resolve("run/root/" + display);
    }

    @AfterAll
    static void stopAll() throws Exception {
        stop(lightdm);
        if (dbusPid != null) {
            run("kill", dbusPid);
            awaitCommand(List.of("sh", "-c", "test -e /proc/" + dbusPid + " || echo gone"), "gone", null);
            // The bus leaves its pid file and socket behind when stopped: the machine is as it was.
            Files.deleteIfExists(DBUS_PID);
            Files.deleteIfExists(Path.of("/run/dbus/system_bus_socket"));
        }
        Files.deleteIfExists(TEST_DROP_IN);
        if (greeterState == null) {
            Files.deleteIfExists(GREETER_STATE);
        } else {
            Files.write(GREETER_STATE, greeterState);
        }
        stop(broker);
        if (agentJar != null && run("getent", "passwd", "reset").exitCode() == 0) {
            agent("uninstall", "--quiet");
        }
        stop(server);
    }

    /** A test that failed in the reset session leaves no session behind for the next one: its agent is stopped. */
    @AfterEach
    void backToTheGreeter() throws Exception {
        String left = run("pgrep", "-u", "reset").output().strip();
        if (left.isEmpty()) {
            return;
        }
        int mark = log().length();
        for (String pid : left.split("\\s+")) {
            run("kill", pid);
        }
        awaitGreeter(mark);
    }

    @Test
    void aliceResetsHerPasswordFromTheGreeterAndTheGreeterReturns() throws Exception {
        String newPassword = "Tea-Party-at-" + System.nanoTime();
        int mark = awaitGreeter();
        screenshot("signin-gui-1-greeter");

        key("Return");
        String sessionPid = awaitSessionStarted(mark);
        awaitTitle("Press Enter to reset your password");
        key("Return");
        awaitTitle("User name:");
        type("alice");
        screenshot("signin-gui-2-user-name");
        key("Return");
        awaitTitle("Method [");
        screenshot("signin-gui-3-method");
        // The methods are listed in the server's order: email is the one with the address hint.
        type("1");
        key("Return");
        awaitTitle("Type your full email address");
        type("alice@example.org");
        key("Return");
        awaitTitle("Code (Enter to go back):");
        type(awaitCode("alice@example.org"));
        screenshot("signin-gui-4-code");
        key("Return");
        awaitTitle("New password:");
        type(newPassword);
        screenshot("signin-gui-5-new-password");
        key("Return");
        awaitTitle("Type it again:");
        type(newPassword);
        key("Return");
        awaitTitle(LogonWindow.ACKNOWLEDGE);
        screenshot("signin-gui-6-done");
        key("Return");

        // The window closes, the agent exits 0 (the password was reset), the session ends, the greeter is back.
        awaitLog("Session pid=" + sessionPid + ": Exited with return value 0", mark, lightdm);
        awaitGreeter(mark + 1);
        screenshot("signin-gui-7-greeter-again");
        assertThat(run("pgrep", "-u", "reset").exitCode())
                .as("no process of the reset account")
                .isNotZero();
        // Nothing of the session is left where the account could write; LightDM's run folder (here in the
        // test's folder) keeps the closed display's X authority until uninstall, as it does for every user.
        assertThat(run(
                                "find",
                                "/tmp",
                                "/var/tmp",
                                "/dev/shm",
                                "/run",
                                "-xdev",
                                "-path",
                                work.toString(),
                                "-prune",
                                "-o",
                                "-user",
                                "reset",
                                "-print")
                        .output()
                        .strip())
                .isEmpty();

        JsonNode event = admin(
                        "GET", "/api/v1/admin/audit?target=alice&activity=Reset%20password%20(self-service)", null, 200)
                .get("events")
                .get(0);
        assertThat(event.get("result").asText()).isEqualTo("Success");
        JsonNode events =
                admin("GET", "/api/v1/admin/audit?target=alice", null, 200).get("events");
        assertThat(events.findValuesAsText("clientType")).as(events.toString()).contains("LogonScreen");
    }

    @Test
    void theResetWindowOffersNoWayOut() throws Exception {
        int mark = awaitGreeter();
        key("Return");
        String sessionPid = awaitSessionStarted(mark);
        awaitTitle("Press Enter to reset your password");
        key("Return");
        awaitTitle("User name:");
        String window = resetWindow();

        for (String keys : List.of(
                "alt+F4",
                "alt+Tab",
                "ctrl+alt+t",
                "ctrl+n",
                "ctrl+w",
                "ctrl+l",
                "ctrl+o",
                "F1",
                "F10",
                "super",
                "ctrl+alt+F1",
                "ctrl+alt+BackSpace",
                "ctrl+v")) {
            key(keys);
        }
        // A URL is a user name like any other: no browser, no file; the reset goes on as for someone unknown.
        type("file:///etc/passwd");
        key("Return");
        awaitTitle("Method [");
        screenshot("signin-gui-8-escape-attempts");

        // Every key went to the window before this answer: the X tree holds the window and nothing else.
        assertOnlyTheResetWindow(window);
        assertOnlyTheAgentRuns(sessionPid);
        // The URL went to the reset service as a login (an unknown one gets a decoy flow, as anywhere).
        JsonNode typed = admin(
                        "GET",
                        "/api/v1/admin/audit?target="
                                + java.net.URLEncoder.encode("file:///etc/passwd", StandardCharsets.UTF_8),
                        null,
                        200)
                .get("events");
        assertThat(typed.findValuesAsText("clientType")).as(typed.toString()).contains("LogonScreen");

        // A web address typed as the email address is an address that does not match: the generic answer.
        type("1");
        key("Return");
        awaitTitle("Type your full email address");
        type("https://example.org");
        key("Return");
        awaitTitle("Code (Enter to go back):");
        assertOnlyTheResetWindow(window);
        assertOnlyTheAgentRuns(sessionPid);

        // Escape cancels: the window closes, the agent exits 1, the session ends and the greeter is back.
        key("Escape");
        awaitTitle(LogonWindow.ACKNOWLEDGE);
        key("Return");
        awaitLog("Session pid=" + sessionPid + ": Exited with return value 1", mark, lightdm);
        awaitGreeter(mark + 1);
        assertThat(run("pgrep", "-u", "reset").exitCode())
                .as("no process of the reset account")
                .isNotZero();
    }

    /** The reset window is the only viewable top-level window, covers the screen, and every window is the agent's. */
    private static void assertOnlyTheResetWindow(String expected) throws Exception {
        List<String> children = xwininfoChildren();
        long client = Long.decode(expected) & ~0x1FFFFFL;
        List<String> foreign = children.stream()
                .filter(c -> (Long.decode(c.split(" ")[0]) & ~0x1FFFFFL) != client)
                .toList();
        assertThat(foreign).as("windows of another X client: " + children).isEmpty();
        List<String> viewable = new ArrayList<>();
        for (String child : children) {
            String id = child.split(" ")[0];
            if (x("xwininfo", "-id", id).contains("Map State: IsViewable")) {
                viewable.add(child);
            }
        }
        assertThat(viewable).as(children.toString()).hasSize(1);
        assertThat(viewable.get(0)).startsWith(expected + " \"Reset password: ");
        String info = x("xwininfo", "-id", expected);
        String root = x("xwininfo", "-root");
        assertThat(field(info, "Width")).isEqualTo(field(root, "Width"));
        assertThat(field(info, "Height")).isEqualTo(field(root, "Height"));
        assertThat(field(info, "Absolute upper-left X")).isEqualTo("0");
        assertThat(field(info, "Absolute upper-left Y")).isEqualTo("0");
    }

    /** The session runs the agent's java and nothing else: one process of 'reset', no child of it. */
    private static void assertOnlyTheAgentRuns(String sessionPid) throws Exception {
        List<String> processes = run("ps", "-u", "reset", "-o", "pid=,ppid=,args=")
                .output()
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();
        assertThat(processes).as("processes of the reset account").hasSize(1);
        String[] javaProcess = processes.get(0).split("\\s+", 3);
        assertThat(javaProcess[1]).as(processes.toString()).isEqualTo(sessionPid);
        assertThat(javaProcess[2]).contains("/bin/java ").contains(" logon --window ");
        assertThat(run("pgrep", "-P", javaProcess[0]).output().strip())
                .as("children of the agent")
                .isEmpty();
    }

    /** Waits until the greeter asks LightDM to authenticate 'reset' (it lists and selects the account); returns the log position. */
    private static int awaitGreeter() throws Exception {
        return awaitGreeter(0);
    }

    private static int awaitGreeter(int from) throws Exception {
        awaitLog("Greeter start authentication for reset", from, lightdm);
        awaitLog("User reset authorized", from, lightdm);
        awaitWindowClass("lightdm-gtk-greeter");
        return log().length();
    }

    /** Waits for the reset session's command; returns the session's pid (the parent of the agent's java). */
    private static String awaitSessionStarted(int from) throws Exception {
        String line = awaitLog("Session pid=\\d+: Running command /etc/X11/Xsession", from, lightdm);
        Matcher pid = Pattern.compile("Session pid=(\\d+)").matcher(line);
        assertThat(pid.find()).isTrue();
        return pid.group(1);
    }

    private static String resetWindow() throws Exception {
        return xwininfoChildren().stream()
                .filter(c -> c.contains("\"Reset password: ") && c.contains(AGENT_CLASS))
                .map(c -> c.split(" ")[0])
                .findFirst()
                .orElseThrow();
    }

    private static void awaitTitle(String question) throws Exception {
        awaitAnyTitle(question);
    }

    /** Waits until the window's title names one of the questions (it is on screen then); returns that question. */
    private static String awaitAnyTitle(String... questions) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<String> children = List.of();
        while (System.nanoTime() < deadline) {
            children = xwininfoChildren();
            for (String child : children) {
                for (String question : questions) {
                    if (child.contains("\"Reset password: " + question)) {
                        return question;
                    }
                }
            }
            Thread.sleep(100);
        }
        return fail("waited 30 s for a window asking " + List.of(questions) + "; windows: " + children + "\nLightDM:\n"
                + log());
    }

    private static void awaitWindowClass(String windowClass) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (xwininfoChildren().stream().anyMatch(c -> c.contains("\"" + windowClass + "\""))) {
                return;
            }
            Thread.sleep(100);
        }
        fail("no " + windowClass + " window in 30 s: " + xwininfoChildren());
    }

    /** The root's children as xwininfo prints them, one line each: {@code 0x400007 "name": ("res" "class")  WxH+X+Y ...}. */
    private static List<String> xwininfoChildren() throws Exception {
        return run(xCommand("xwininfo", "-root", "-children"))
                .output()
                .lines()
                .map(String::strip)
                .filter(l -> l.startsWith("0x"))
                .toList();
    }

    private static String field(String xwininfo, String name) {
        Matcher m = Pattern.compile(name + ":\\s+(-?\\d+)").matcher(xwininfo);
        assertThat(m.find()).as(name + " in " + xwininfo).isTrue();
        return m.group(1);
    }

    private static void key(String keys) throws Exception {
        x("xdotool", "key", "--clearmodifiers", keys);
    }

    private static void type(String text) throws Exception {
        x("xdotool", "type", "--delay", "20", text);
    }

    private static void screenshot(String name) throws Exception {
        x("import", "-window", "root", "-colors", "64", "png8:" + shots.resolve(name + ".png"));
    }

    private static String x(String... command) throws Exception {
        Result result = run(xCommand(command));
        assertThat(result.exitCode())
                .as(String.join(" ", command) + ": " + result.output())
                .isZero();
        return result.output();
    }

    private static String[] xCommand(String... command) {
        List<String> full = new ArrayList<>(List.of("env", "DISPLAY=" + display, "XAUTHORITY=" + xauthority));
        full.addAll(List.of(command));
        return full.toArray(String[]::new);
    }

    private static String log() throws IOException {
        return Files.exists(lightdmLog) ? Files.readString(lightdmLog, StandardCharsets.UTF_8) : "";
    }

    /** Waits (30 s at most) for a line matching {@code regex} after position {@code from} of LightDM's log; returns it. */
    private static String awaitLog(String regex, int from, Process owner) throws Exception {
        Pattern pattern = Pattern.compile(".*" + regex + ".*");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            String text = log();
            Matcher m = pattern.matcher(text.substring(Math.min(from, text.length())));
            if (m.find()) {
                return m.group();
            }
            if (!owner.isAlive() || System.nanoTime() > deadline) {
                return fail("no '" + regex + "' in LightDM's log" + (owner.isAlive() ? " within 30 s" : ": it exited")
                        + ":\n" + text + "\n" + Files.readString(work.resolve("lightdm.out")));
            }
            Thread.sleep(100);
        }
    }

    private static void awaitCommand(List<String> command, String expected, Process owner) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String seen = run(command.toArray(String[]::new)).output().strip();
        while (!seen.equals(expected) && System.nanoTime() < deadline && (owner == null || owner.isAlive())) {
            Thread.sleep(100);
            seen = run(command.toArray(String[]::new)).output().strip();
        }
        assertThat(seen).as(String.join(" ", command)).isEqualTo(expected);
    }

    private static String awaitCode(String recipient) throws Exception {
        return ServerCalls.awaitCode(dataDir.resolve("outbox"), recipient);
    }

    private static JsonNode admin(String method, String path, String body, int expected) throws Exception {
        return ServerCalls.admin(ADMIN_TOKEN, method, base + path, body, expected);
    }

    private static Result agent(String... args) throws Exception {
        return HostCommands.agent(agentJar, args);
    }
}
