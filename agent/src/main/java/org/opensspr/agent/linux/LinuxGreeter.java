package org.opensspr.agent.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The graphical half of {@link LinuxSignIn}: what a display manager needs so that the {@code reset}
 * account shows as "Reset password" at the greeter and signs in, without a password, to an X
 * session that runs the reset window ({@code logon --window}) and nothing else. Written by
 * {@code install}, removed by {@code uninstall}, under the same root:
 * <ul>
 *   <li>{@code /usr/lib/sspr-agent/reset-session}: the session program (the agent's window, no
 *       window manager, no terminal; the session ends when the window closes);</li>
 *   <li>{@code /usr/share/xsessions/sspr-reset.desktop}: that session for display managers;</li>
 *   <li>{@code /etc/X11/Xsession.d/00sspr-agent_reset}: whichever session the greeter starts for
 *       the account (another one can be picked in the greeter's menu), Debian's session wrapper
 *       runs the reset session instead;</li>
 *   <li>where LightDM is installed: {@code /etc/lightdm/lightdm.conf.d/50-sspr-agent.conf}
 *       (the greeter lists users, so "Reset password" can be picked; X authorities in LightDM's run
 *       directory, since the account's home is {@code /}) and two lines in
 *       {@code /etc/pam.d/lightdm} that let members of {@code nopasswdlogin} in without a password
 *       (the account has none; only LightDM's PAM service gets the rule);</li>
 *   <li>where AccountsService keeps users: the account's default session there.</li>
 * </ul>
 * The account joins the group {@code nopasswdlogin} ({@link LinuxSignIn} does that); its name as
 * a greeter shows it (the first GECOS field) is {@value #DISPLAY_NAME}. Uninstall also removes what
 * LightDM keeps of the account ({@code /var/lib/lightdm-data/reset}, {@code /run/lightdm/reset}),
 * so that nothing is left for a later account with the same uid.
 */
final class LinuxGreeter {

    static final String DISPLAY_NAME = "Reset password";
    static final String NOPASSWD_GROUP = "nopasswdlogin";
    static final String SESSION = LinuxSignIn.LIB + "/reset-session";
    static final String DESKTOP = "usr/share/xsessions/sspr-reset.desktop";
    static final String XSESSION_GUARD = "etc/X11/Xsession.d/00sspr-agent_reset";
    static final String LIGHTDM_DROP_IN = "etc/lightdm/lightdm.conf.d/50-sspr-agent.conf";
    static final String LIGHTDM_PAM = "etc/pam.d/lightdm";
    static final String ACCOUNTS_SERVICE = "var/lib/AccountsService/users";
    /** LightDM's per-user data folder for the greeter, created at the account's first graphical sign-in. */
    static final String LIGHTDM_DATA = "var/lib/lightdm-data";
    /** LightDM's run folder, where it keeps the account's X authority ({@code user-authority-in-system-dir}). */
    static final String LIGHTDM_RUN = "run/lightdm";

    static final String PAM_COMMENT =
            "# OpenSSPR (sspr-agent install): the password-reset account signs in without a password; 'sspr-agent uninstall' removes this.";
    static final String PAM_RULE = "auth      sufficient pam_succeed_if.so user ingroup " + NOPASSWD_GROUP;

    private final Path root;
    private final String account;
    private final List<String> done;

    LinuxGreeter(Path root, String account, List<String> done) {
        this.root = root;
        this.account = account;
        this.done = done;
    }

    static String session(Path java, String account) {
        return "#!/bin/sh\n"
                + "# OpenSSPR: the X session of the password-reset account, written by 'sspr-agent install'.\n"
                + "# It shows the reset window and nothing else (no window manager, no terminal); the session\n"
                + "# ends when the window closes, after one reset or its timeout, and the greeter returns.\n"
                + "if [ \"$(id -un)\" != \"" + account + "\" ]; then\n"
                + "    echo \"Only the password-reset account runs this session.\" >&2\n"
                + "    exit 1\n"
                + "fi\n"
                + "cd / || exit 1\n"
                + "# A clean environment: the display and nothing else the session was given reaches Java.\n"
                + "exec /usr/bin/env -i PATH=/usr/bin:/bin DISPLAY=\"${DISPLAY:-}\" XAUTHORITY=\"${XAUTHORITY:-}\" \\\n"
                + "    LANG=\"${LANG:-C.UTF-8}\" " + java + " -XX:-UsePerfData -Xshare:auto -jar /" + LinuxSignIn.JAR
                + " logon --window --broker-socket " + LinuxSignIn.SOCKET + "\n";
    }

    String desktop() {
        return "# OpenSSPR: written by 'sspr-agent install'; removed by 'sspr-agent uninstall'.\n"
                + "[Desktop Entry]\n"
                + "Type=Application\n"
                + "Name=" + DISPLAY_NAME + "\n"
                + "Comment=Reset a forgotten password (OpenSSPR); only for the account '" + account + "'\n"
                + "Exec=/" + SESSION + "\n";
    }

    String xsessionGuard() {
        return "# OpenSSPR: written by 'sspr-agent install'; removed by 'sspr-agent uninstall'.\n"
                + "# The password-reset account runs the reset window and nothing else, whichever session was chosen.\n"
                + "if [ \"$(id -un)\" = \"" + account + "\" ]; then\n"
                + "    # Xsession's log in /tmp (the home / is not writable) and its link to it: nothing of the session is left.\n"
                + "    case \"${ERRFILE:-}\" in /tmp/* | /var/tmp/*) rm -f \"$ERRFILE\" ;; esac\n"
                + "    [ -L \"${TMPDIR:-/tmp}/xsession-" + account + "\" ] && rm -f \"${TMPDIR:-/tmp}/xsession-"
                + account + "\"\n"
                + "    exec /" + SESSION + "\n"
                + "fi\n";
    }

    static String lightDmDropIn() {
        return "# OpenSSPR: written by 'sspr-agent install'; removed by 'sspr-agent uninstall'.\n"
                + "# The greeter lists the users, so that \"" + DISPLAY_NAME + "\" can be picked.\n"
                + "[Seat:*]\n"
                + "greeter-hide-users=false\n"
                + "[LightDM]\n"
                + "# The account's home is / (nothing of its own on disk): LightDM keeps X authorities in its run directory.\n"
                + "user-authority-in-system-dir=true\n";
    }

    static String accountsService() {
        return "[User]\nSession=sspr-reset\nXSession=sspr-reset\nSystemAccount=false\n";
    }

    void install(Path java) throws IOException {
        write(SESSION, session(java, account), "rwxr-xr-x");
        write(DESKTOP, desktop(), "rw-r--r--");
        if (Files.isDirectory(path("etc/X11"))) {
            write(XSESSION_GUARD, xsessionGuard(), "rw-r--r--");
        }
        if (Files.isDirectory(path("etc/lightdm"))) {
            write(LIGHTDM_DROP_IN, lightDmDropIn(), "rw-r--r--");
        }
        if (Files.isRegularFile(path(LIGHTDM_PAM))) {
            addPamRule();
        }
        if (Files.isDirectory(path(ACCOUNTS_SERVICE))) {
            write(ACCOUNTS_SERVICE + "/" + account, accountsService(), "rw-------");
        }
    }

    void uninstall() throws IOException {
        for (String file : List.of(DESKTOP, XSESSION_GUARD, LIGHTDM_DROP_IN, ACCOUNTS_SERVICE + "/" + account)) {
            if (Files.deleteIfExists(path(file))) {
                done.add("removed /" + file);
            }
        }
        for (String folder : List.of(LIGHTDM_DATA, LIGHTDM_RUN)) {
            Path data = path(folder).resolve(account);
            if (Files.isDirectory(data, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                try (var files = Files.walk(data)) {
                    for (Path p :
                            files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
                done.add("removed /" + folder + "/" + account);
            }
        }
        Path pam = path(LIGHTDM_PAM);
        if (Files.isRegularFile(pam)) {
            List<String> lines = Files.readAllLines(pam, StandardCharsets.UTF_8);
            List<String> kept = new ArrayList<>(lines);
            // The rule goes only with the comment that says we wrote it: an admin's own rule stays.
            int at = kept.indexOf(PAM_COMMENT);
            if (at >= 0) {
                kept.remove(at);
                if (at < kept.size() && kept.get(at).equals(PAM_RULE)) {
                    kept.remove(at);
                }
                Files.writeString(pam, String.join("\n", kept) + "\n", StandardCharsets.UTF_8);
                done.add("removed the password-less rule from /" + LIGHTDM_PAM);
            }
        }
    }

    /** Puts the rule just before the password check ({@code @include common-auth}), after {@code pam_nologin}. */
    private void addPamRule() throws IOException {
        Path pam = path(LIGHTDM_PAM);
        List<String> lines = new ArrayList<>(Files.readAllLines(pam, StandardCharsets.UTF_8));
        if (lines.contains(PAM_COMMENT)) {
            return;
        }
        int at = lines.indexOf("@include common-auth");
        if (at < 0) {
            at = lines.isEmpty() || !lines.get(0).startsWith("#%PAM") ? 0 : 1;
        }
        lines.add(at, PAM_RULE);
        lines.add(at, PAM_COMMENT);
        Files.writeString(pam, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        done.add("added the password-less rule for " + NOPASSWD_GROUP + " to /" + LIGHTDM_PAM);
    }

    private Path path(String relative) {
        return root.resolve(relative);
    }

    private void write(String relative, String content, String permissions) throws IOException {
        SystemFiles.write(root, relative, content, permissions, done);
    }
}
