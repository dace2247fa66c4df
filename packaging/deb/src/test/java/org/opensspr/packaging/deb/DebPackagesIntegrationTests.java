package org.opensspr.packaging.deb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.opensspr.packaging.deb.Host.accountExists;
import static org.opensspr.packaging.deb.Host.groupExists;
import static org.opensspr.packaging.deb.Host.read;
import static org.opensspr.packaging.deb.Host.run;
import static org.opensspr.packaging.deb.Host.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The two .deb packages as dpkg sees them and as an admin uses them, on this machine's real root
 * (root, Linux): their declared contents and scripts; install, install again (the upgrade path),
 * remove and purge; and that purge leaves nothing of them behind. systemd does not run here, so the
 * units are checked with {@code systemd-analyze verify}; {@link PackagedServerIntegrationTests}
 * starts the server as its unit does.
 */
class DebPackagesIntegrationTests {

    static final Path SERVER_DEB = Path.of(System.getProperty("sspr.deb.server", "target/sspr-server.deb"));
    static final Path AGENT_DEB = Path.of(System.getProperty("sspr.deb.agent", "target/sspr-agent.deb"));
    static final String SERVER_UNIT = "/lib/systemd/system/sspr-server.service";
    static final String BROKER_UNIT = "/lib/systemd/system/sspr-agent-broker.service";
    static final String CONFFILE = "/etc/opensspr/application.properties";
    static final String SSHD_RULE = "/etc/ssh/sshd_config.d/sspr-agent.conf";

    private List<String> leftoversBefore;
    private String passwdBefore;
    private String groupBefore;

    @BeforeAll
    static void rootOnLinux() {
        assumeTrue(Host.isRootOnLinux(), "installs packages with dpkg: root on Linux only (CI runs as root)");
        assertThat(SERVER_DEB).isRegularFile();
        assertThat(AGENT_DEB).isRegularFile();
    }

    /** The host must not hold a 'reset' account or agent files of its own: the test would take them over. */
    @BeforeEach
    void aHostWithoutThePackages() {
        Host.purgePackages();
        assertThat(accountExists("reset"))
                .as("a 'reset' account that is not the package's (a hand-made 'sspr-agent install'?)")
                .isFalse();
        assertThat(Path.of("/usr/lib/sspr-agent")).doesNotExist();
        assertThat(Path.of("/etc/opensspr")).doesNotExist();
        leftoversBefore = Host.pathsNamingThePackages();
        passwdBefore = read("/etc/passwd");
        groupBefore = read("/etc/group");
    }

    @AfterEach
    void purge() {
        Host.purgePackages();
    }

    @Test
    void thePackagesDeclareTheirFilesModesConffilesDependenciesAndScripts() {
        String server = run("dpkg-deb", "--contents", SERVER_DEB.toString())
                .succeeded("dpkg-deb --contents")
                .output();
        assertThat(server)
                .containsPattern("-rw-r--r-- root/root +\\d+ .* \\./usr/share/sspr-server/sspr-server\\.jar\n")
                .containsPattern("-rwxr-xr-x root/root +\\d+ .* \\./usr/share/sspr-server/sspr-server\n")
                .containsPattern("lrw.* \\./usr/bin/sspr-server -> \\.\\./share/sspr-server/sspr-server\n")
                .containsPattern("-rw-r--r-- root/root +\\d+ .* \\./lib/systemd/system/sspr-server\\.service\n")
                .containsPattern("drwxr-x--- root/root +0 .* \\./etc/opensspr/\n")
                .containsPattern("-rw-r----- root/root +\\d+ .* \\./etc/opensspr/application\\.properties\n");
        String agent = run("dpkg-deb", "--contents", AGENT_DEB.toString())
                .succeeded("dpkg-deb --contents")
                .output();
        assertThat(agent)
                .containsPattern("-rw-r--r-- root/root +\\d+ .* \\./usr/lib/sspr-agent/sspr-agent\\.jar\n")
                .containsPattern("-rwxr-xr-x root/root +\\d+ .* \\./usr/lib/sspr-agent/sspr-agent\n")
                .containsPattern("-rwxr-xr-x root/root +\\d+ .* \\./usr/lib/sspr-agent/reset-shell\n")
                .containsPattern("lrw.* \\./usr/bin/sspr-agent -> \\.\\./lib/sspr-agent/sspr-agent\n")
                .containsPattern("-rw-r--r-- root/root +\\d+ .* \\./lib/systemd/system/sspr-agent-broker\\.service\n")
                .containsPattern("-rw-r--r-- root/root +\\d+ .* \\./etc/ssh/sshd_config\\.d/sspr-agent\\.conf\n")
                // One unit, dpkg's: none where 'sspr-agent install' writes its own.
                .doesNotContain("./etc/systemd/");

        assertThat(field(SERVER_DEB, "Version")).isEqualTo("0.1.0~SNAPSHOT");
        assertThat(field(AGENT_DEB, "Version")).isEqualTo("0.1.0~SNAPSHOT");
        assertThat(field(SERVER_DEB, "Architecture")).isEqualTo("all");
        assertThat(field(SERVER_DEB, "Depends"))
                .isEqualTo("default-jre-headless (>= 2:1.17) | java17-runtime-headless");
        assertThat(field(AGENT_DEB, "Depends"))
                .isEqualTo("default-jre-headless (>= 2:1.17) | java17-runtime-headless, passwd");

        String serverInfo = run("dpkg-deb", "--info", SERVER_DEB.toString()).output();
        assertThat(serverInfo)
                .containsPattern("\\* +postinst")
                .containsPattern("\\* +prerm")
                .containsPattern("\\* +postrm");
        String agentInfo = run("dpkg-deb", "--info", AGENT_DEB.toString()).output();
        assertThat(agentInfo)
                .containsPattern("\\* +preinst")
                .containsPattern("\\* +postinst")
                .containsPattern("\\* +prerm")
                .containsPattern("\\* +postrm");
        assertThat(control(SERVER_DEB, "conffiles")).isEqualTo(CONFFILE + "\n");
        assertThat(control(AGENT_DEB, "conffiles")).isEqualTo(SSHD_RULE + "\n");
        assertThat(control(AGENT_DEB, "postinst")).contains("/usr/bin/sspr-agent install --quiet --packaged");
    }

    @Test
    void installAgainRemoveAndPurgeLeaveNothingBehind() throws IOException {
        install(SERVER_DEB, AGENT_DEB);
        assertInstalled();

        // What only the packages should have made, all there.
        String passwd = run("getent", "passwd", "reset")
                .succeeded("getent passwd reset")
                .output();
        assertThat(passwd).matches("reset:x:\\d+:\\d+:[^:]*:/:/usr/lib/sspr-agent/reset-shell\n");
        assertThat(run("getent", "shadow", "reset").output()).startsWith("reset::");
        String group =
                run("getent", "group", "sspr-reset").succeeded("getent group").output();
        assertThat(passwd.split(":")[3]).isEqualTo(group.split(":")[2]);
        assertThat(run("id", "-Gn", "reset").output().strip()).isEqualTo("sspr-reset");
        // DynamicUser: the server has no account of its own.
        assertThat(read("/etc/passwd")).doesNotContain("opensspr").doesNotContain("sspr-server");
        // dpkg owns the agent's files: its own 'install' refuses to copy a second jar and unit beside them.
        Host.Result handMade = run("/usr/bin/sspr-agent", "install");
        assertThat(handMade.exitCode()).isEqualTo(2);
        assertThat(handMade.output()).contains("the sspr-agent package is installed");
        assertThat(Path.of("/etc/systemd/system/sspr-agent-broker.service")).doesNotExist();
        assertThat(run("/usr/bin/sspr-agent", "--version")
                        .succeeded("sspr-agent --version")
                        .output())
                .contains("0.1.0-SNAPSHOT");
        // Enabled for systemd (by deb-systemd-helper; started where systemd runs).
        assertThat(Path.of("/etc/systemd/system/multi-user.target.wants/sspr-server.service"))
                .isSymbolicLink();
        assertThat(Path.of("/etc/systemd/system/multi-user.target.wants/sspr-agent-broker.service"))
                .isSymbolicLink();

        // An admin's settings, then the same packages again (dpkg's upgrade path): kept, nothing doubled.
        Files.writeString(Path.of(CONFFILE), read(CONFFILE) + "server.port=8443\n", StandardCharsets.UTF_8);
        install(SERVER_DEB, AGENT_DEB);
        assertInstalled();
        assertThat(read(CONFFILE)).endsWith("server.port=8443\n");
        assertThat(Path.of(CONFFILE + ".dpkg-dist")).doesNotExist();
        assertThat(Path.of(CONFFILE + ".dpkg-new")).doesNotExist();
        assertThat(run("getent", "passwd", "reset").output()).isEqualTo(passwd);
        assertThat(read("/etc/passwd").lines().filter(l -> l.startsWith("reset:")))
                .hasSize(1);
        assertThat(read("/etc/group").lines().filter(l -> l.startsWith("sspr-reset:")))
                .hasSize(1);

        // Remove: the programs go, the settings and the account stay until purge.
        run("dpkg", "--remove", "sspr-server", "sspr-agent").succeeded("dpkg --remove");
        assertThat(status("sspr-server")).isEqualTo("config-files");
        assertThat(status("sspr-agent")).isEqualTo("config-files");
        assertThat(Path.of("/usr/share/sspr-server")).doesNotExist();
        assertThat(Path.of("/usr/lib/sspr-agent")).doesNotExist();
        assertThat(Path.of("/usr/bin/sspr-agent")).doesNotExist();
        assertThat(Path.of(SERVER_UNIT)).doesNotExist();
        assertThat(Path.of(BROKER_UNIT)).doesNotExist();
        assertThat(read(CONFFILE)).endsWith("server.port=8443\n");
        assertThat(accountExists("reset")).isTrue();

        run("dpkg", "--purge", "sspr-server", "sspr-agent").succeeded("dpkg --purge");
        assertThat(status("sspr-server")).isEmpty();
        assertThat(status("sspr-agent")).isEmpty();
        assertNothingLeft();
    }

    @Test
    void theAgentPackageRefusesToInstallOverAHandMadeInstall() throws IOException {
        Path handMadeUnit = Path.of("/etc/systemd/system/sspr-agent-broker.service");
        assertThat(handMadeUnit).doesNotExist();
        Files.writeString(handMadeUnit, "# written by 'sspr-agent install'\n", StandardCharsets.UTF_8);
        try {
            Host.Result result = run("dpkg", "--install", AGENT_DEB.toString());
            assertThat(result.exitCode()).isNotZero();
            assertThat(result.output()).contains("run 'sspr-agent uninstall' first");
            assertThat(status("sspr-agent")).isNotEqualTo("installed");
            assertThat(Path.of("/usr/lib/sspr-agent")).doesNotExist();
            assertThat(accountExists("reset")).isFalse();
        } finally {
            Files.deleteIfExists(handMadeUnit);
        }
        Host.purgePackages();
        assertNothingLeft();
    }

    private static void install(Path... debs) {
        List<String> command = new java.util.ArrayList<>(List.of("dpkg", "--install"));
        for (Path deb : debs) {
            command.add(deb.toString());
        }
        run(command).succeeded("dpkg --install");
    }

    private static void assertInstalled() throws IOException {
        assertThat(status("sspr-server")).isEqualTo("installed");
        assertThat(status("sspr-agent")).isEqualTo("installed");
        assertThat(run("dpkg", "--verify", "sspr-server", "sspr-agent").output().lines())
                .as("files as dpkg shipped them (the admin's conffile aside)")
                .allMatch(line -> line.contains(" c /etc/"));
        for (String unit : List.of(SERVER_UNIT, BROKER_UNIT)) {
            Host.Result verify = run("systemd-analyze", "verify", unit);
            assertThat(verify.exitCode()).as(verify.output()).isZero();
            assertThat(verify.output()).as("systemd-analyze verify " + unit).isEmpty();
        }
        assertThat(Path.of("/usr/bin/sspr-server").toRealPath().toString())
                .isEqualTo("/usr/share/sspr-server/sspr-server");
        assertThat(Path.of("/usr/lib/sspr-agent/reset-shell")).isExecutable();
        assertThat(read(SSHD_RULE)).contains("DenyUsers reset");
        assertThat(run("stat", "-c", "%a %U:%G", CONFFILE).output().strip()).isEqualTo("640 root:root");
        assertThat(run("stat", "-c", "%a %U:%G", "/etc/opensspr").output().strip())
                .isEqualTo("750 root:root");
        assertThat(run("dpkg-query", "-W", "-f=${Conffiles}", "sspr-server").output())
                .contains(CONFFILE);
    }

    private void assertNothingLeft() {
        assertThat(accountExists("reset")).isFalse();
        assertThat(groupExists("sspr-reset")).isFalse();
        for (String gone : List.of(
                "/etc/opensspr",
                SSHD_RULE,
                "/var/lib/sspr-agent",
                "/run/sspr-agent",
                "/var/lib/private/opensspr",
                "/var/lib/opensspr",
                "/var/cache/private/opensspr",
                "/var/cache/opensspr",
                "/etc/systemd/system/sspr-server.service",
                "/etc/systemd/system/sspr-agent-broker.service")) {
            assertThat(Files.exists(Path.of(gone), LinkOption.NOFOLLOW_LINKS))
                    .as(gone)
                    .isFalse();
        }
        assertThat(Host.pathsNamingThePackages()).isEqualTo(leftoversBefore);
        assertThat(read("/etc/passwd")).isEqualTo(passwdBefore);
        assertThat(read("/etc/group")).isEqualTo(groupBefore);
    }

    static String field(Path deb, String name) {
        return run("dpkg-deb", "--field", deb.toString(), name)
                .succeeded("dpkg-deb --field")
                .output()
                .strip();
    }

    static String control(Path deb, String file) {
        return run("dpkg-deb", "--info", deb.toString(), file)
                .succeeded("dpkg-deb --info " + file)
                .output();
    }
}
