package org.opensspr.agent.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.opensspr.agent.AgentException;
import org.opensspr.agent.ExitCode;
import org.opensspr.agent.FilePermissions;

/**
 * What {@code install} puts on a Linux device and {@code uninstall} takes away again, under a root
 * directory ({@code /} on a real device, a temporary directory in tests):
 * <ul>
 *   <li>{@code /usr/lib/sspr-agent/sspr-agent.jar} (a copy of the agent) and
 *       {@code /usr/lib/sspr-agent/reset-shell}, the login program of the {@code reset} account;</li>
 *   <li>{@code /etc/systemd/system/sspr-agent-broker.service}, the root-owned broker;</li>
 *   <li>{@code /etc/ssh/sshd_config.d/sspr-agent.conf}: {@code DenyUsers reset} (where {@code /etc/ssh} exists);</li>
 *   <li>the system group {@code sspr-reset} and the system user {@code reset} (no password, that
 *       group and {@code nopasswdlogin}, shown as "Reset password", home {@code /}, shell
 *       {@code reset-shell}): only when the root is {@code /};</li>
 *   <li>the graphical sign-in's session and greeter settings: see {@link LinuxGreeter}.</li>
 * </ul>
 * Every step is idempotent: a file with the right content is left alone, an existing account kept.
 * Where the {@code sspr-agent} Debian package owns the files, its maintainer scripts call only
 * {@link #installAccount()} and {@link #removeAccount()}: dpkg keeps the files, so they are never
 * written or deleted twice.
 */
public final class LinuxSignIn {

    public static final String GROUP = "sspr-reset";
    static final String LIB = "usr/lib/sspr-agent";
    static final String JAR = LIB + "/sspr-agent.jar";
    static final String SHELL = LIB + "/reset-shell";
    static final String UNIT = "etc/systemd/system/sspr-agent-broker.service";
    static final String SSHD_DROP_IN = "etc/ssh/sshd_config.d/sspr-agent.conf";
    static final String RUN = "run/sspr-agent";
    public static final String SOCKET = "/" + RUN + "/broker.sock";
    /** Present when install created {@code nopasswdlogin}, so that uninstall removes only a group of its own. */
    static final String CREATED_NOPASSWD_GROUP = LIB + "/created-nopasswdlogin-group";

    /** Runs a system command; returns its exit code. Replaced in tests. */
    public interface Commands {
        int run(List<String> command) throws IOException;
    }

    private final Path root;
    private final String account;
    private final Commands commands;
    private final List<String> done = new ArrayList<>();

    public LinuxSignIn(Path root, String account, Commands commands) {
        if (!account.matches("[a-z_][a-z0-9_-]{0,30}")) {
            throw new AgentException(
                    ExitCode.USAGE, "--account must be a plain lower-case user name, not '" + account + "'");
        }
        this.root = root.toAbsolutePath().normalize();
        this.account = account;
        this.commands = commands;
    }

    /** What the last install or uninstall changed, one line each. */
    public List<String> done() {
        return List.copyOf(done);
    }

    private boolean realRoot() {
        return root.getParent() == null;
    }

    private Path path(String relative) {
        return root.resolve(relative);
    }

    static String shell(Path java) {
        return "#!/bin/sh\n"
                + "# OpenSSPR: the login program of the password-reset account, written by 'sspr-agent install'.\n"
                + "# It runs the reset dialogue with a logon session from the root-owned broker, and nothing else:\n"
                + "# no commands (-c), no SSH.\n"
                + "if [ $# -gt 0 ] || [ -n \"${SSH_CONNECTION:-}${SSH_CLIENT:-}${SSH_TTY:-}\" ]; then\n"
                + "    echo \"This account only resets passwords at this computer's sign-in screen.\" >&2\n"
                + "    exit 1\n"
                + "fi\n"
                + "cd / || exit 1\n"
                + "# A clean environment: nothing the caller set (JAVA_TOOL_OPTIONS, JDK_JAVA_OPTIONS, CLASSPATH...) reaches Java.\n"
                + "exec /usr/bin/env -i PATH=/usr/bin:/bin TERM=\"${TERM:-linux}\" LANG=\"${LANG:-C.UTF-8}\" \\\n"
                + "    " + java + " -XX:-UsePerfData -Xshare:auto -jar /" + JAR + " logon --broker-socket " + SOCKET
                + "\n";
    }

    static String unit(Path java, Path stateDir) {
        return "# OpenSSPR: written by 'sspr-agent install' (or shipped by the sspr-agent package).\n"
                + "[Unit]\n"
                + "Description=OpenSSPR sign-in screen broker (logon sessions for the password-reset account)\n"
                + "Wants=network-online.target\n"
                + "After=network-online.target\n\n"
                + "[Service]\n"
                + "ExecStart=" + java + " -XX:-UsePerfData -jar /" + JAR + " --state-dir " + stateDir
                + " broker --socket " + SOCKET + " --group " + GROUP + "\n"
                + "Restart=on-failure\n"
                // The JVM's answer to SIGTERM (systemctl stop) is 143: a clean stop, not a failure.
                + "SuccessExitStatus=143\n"
                + "UMask=0077\n"
                + "NoNewPrivileges=yes\n"
                + "PrivateTmp=yes\n"
                + "ProtectHome=yes\n"
                + "ProtectSystem=full\n\n"
                + "[Install]\n"
                + "WantedBy=multi-user.target\n";
    }

    String sshdDropIn() {
        return "# OpenSSPR: the password-reset account works only at this computer's sign-in screen.\n"
                + "# Written by 'sspr-agent install' (or shipped by the sspr-agent package).\n"
                + "DenyUsers " + account + "\n";
    }

    public void install(Path jar, Path java, Path stateDir) throws IOException {
        done.clear();
        Files.createDirectories(path(LIB));
        FilePermissions.set(path(LIB), "rwxr-xr-x");
        if (jar != null && Files.isRegularFile(jar)) {
            byte[] bytes = Files.readAllBytes(jar);
            if (!Files.isRegularFile(path(JAR)) || !Arrays.equals(Files.readAllBytes(path(JAR)), bytes)) {
                Files.write(path(JAR), bytes);
                done.add("copied the agent to /" + JAR);
            }
            FilePermissions.set(path(JAR), "rw-r--r--");
        }
        write(SHELL, shell(java), "rwxr-xr-x");
        write(UNIT, unit(java, stateDir), "rw-r--r--");
        new LinuxGreeter(root, account, done).install(java);
        if (Files.isDirectory(path("etc/ssh"))) {
            write(SSHD_DROP_IN, sshdDropIn(), "rw-r--r--");
        }
        if (!realRoot()) {
            return;
        }
        installAccount(true);
        if (Files.isDirectory(Path.of("/run/systemd/system"))) {
            run("systemctl", "daemon-reload");
            run("systemctl", "enable", "--now", "sspr-agent-broker.service");
            run("systemctl", "try-reload-or-restart", "ssh.service");
        }
    }

    /**
     * The group and the password-less account whose login program is the reset shell (real root
     * only); with {@code greeter}, also in {@code nopasswdlogin} (created if missing), which the
     * graphical greeter's PAM rule lets in without a password. The {@code .deb}'s postinst sets up
     * the account without the greeter ({@code install --packaged}).
     */
    public void installAccount(boolean greeter) throws IOException {
        if (!realRoot()) {
            return;
        }
        if (run("getent", "group", GROUP) != 0) {
            require(run("groupadd", "--system", GROUP), "groupadd " + GROUP);
            done.add("created the group " + GROUP);
        }
        if (greeter && run("getent", "group", LinuxGreeter.NOPASSWD_GROUP) != 0) {
            require(
                    run("groupadd", "--system", LinuxGreeter.NOPASSWD_GROUP),
                    "groupadd " + LinuxGreeter.NOPASSWD_GROUP);
            write(CREATED_NOPASSWD_GROUP, "", "rw-r--r--");
            done.add("created the group " + LinuxGreeter.NOPASSWD_GROUP);
        }
        if (run("getent", "passwd", account) != 0) {
            require(
                    run(
                            "useradd",
                            "--system",
                            "--gid",
                            GROUP,
                            "--no-create-home",
                            "--home-dir",
                            "/",
                            "--shell",
                            "/" + SHELL,
                            "--comment",
                            LinuxGreeter.DISPLAY_NAME,
                            account),
                    "useradd " + account);
            done.add("created the account " + account);
        }
        require(
                run(
                        "usermod",
                        "--shell",
                        "/" + SHELL,
                        "--gid",
                        GROUP,
                        "--groups",
                        greeter ? LinuxGreeter.NOPASSWD_GROUP : "",
                        "--comment",
                        LinuxGreeter.DISPLAY_NAME,
                        account),
                "usermod " + account);
        require(run("passwd", "--delete", account), "passwd --delete " + account);
    }

    public void uninstall() throws IOException {
        done.clear();
        if (realRoot()) {
            if (Files.isDirectory(Path.of("/run/systemd/system")) && Files.exists(path(UNIT))) {
                run("systemctl", "disable", "--now", "sspr-agent-broker.service");
            }
            removeAccount();
        }
        new LinuxGreeter(root, account, done).uninstall();
        for (String file : List.of(UNIT, SSHD_DROP_IN)) {
            if (Files.deleteIfExists(path(file))) {
                done.add("removed /" + file);
            }
        }
        for (String dir : List.of(LIB, RUN)) {
            if (deleteTree(path(dir))) {
                done.add("removed /" + dir);
            }
        }
        if (realRoot() && Files.isDirectory(Path.of("/run/systemd/system"))) {
            run("systemctl", "daemon-reload");
            run("systemctl", "try-reload-or-restart", "ssh.service");
        }
    }

    /** Removes the account and the group (real root only); the files are left to whoever owns them. */
    public void removeAccount() throws IOException {
        if (!realRoot()) {
            return;
        }
        if (run("getent", "passwd", account) == 0) {
            require(run("userdel", "--force", account), "userdel " + account);
            done.add("removed the account " + account);
        }
        if (run("getent", "group", GROUP) == 0) {
            require(run("groupdel", GROUP), "groupdel " + GROUP);
            done.add("removed the group " + GROUP);
        }
        if (Files.exists(path(CREATED_NOPASSWD_GROUP)) && run("getent", "group", LinuxGreeter.NOPASSWD_GROUP) == 0) {
            require(run("groupdel", LinuxGreeter.NOPASSWD_GROUP), "groupdel " + LinuxGreeter.NOPASSWD_GROUP);
            done.add("removed the group " + LinuxGreeter.NOPASSWD_GROUP);
        }
    }

    private void write(String relative, String content, String permissions) throws IOException {
        SystemFiles.write(root, relative, content, permissions, done);
    }

    private static boolean deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
        return true;
    }

    private int run(String... command) throws IOException {
        return commands.run(List.of(command));
    }

    private static void require(int exitCode, String what) {
        if (exitCode != 0) {
            throw new AgentException(ExitCode.USAGE, what + " failed with exit code " + exitCode);
        }
    }

    /** The real thing: the command's output is discarded, its exit code returned. */
    public static int system(List<String> command) throws IOException {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(command.get(0) + " was interrupted", e);
        }
    }
}
