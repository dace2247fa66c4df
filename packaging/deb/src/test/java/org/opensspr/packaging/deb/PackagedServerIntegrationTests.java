package org.opensspr.packaging.deb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.opensspr.packaging.deb.Host.read;
import static org.opensspr.packaging.deb.Host.run;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The installed sspr-server started as its unit starts it, where systemd does not run (this
 * machine): the unit's ExecStart with its Environment, as a uid that has no account (what
 * DynamicUser= gives), with the state and cache directories systemd would make
 * ({@code /var/lib/private/opensspr} behind {@code /var/lib/opensspr}, only the service's own folder
 * visible in its mount namespace) and the configuration handed over as LoadCredential= does. It must
 * answer its readiness probe, keep its data private, stop cleanly on SIGTERM, and purge must take
 * the data and the settings away.
 */
class PackagedServerIntegrationTests {

    private static final Path SERVER_DEB = DebPackagesIntegrationTests.SERVER_DEB;
    private static final String CONFFILE = DebPackagesIntegrationTests.CONFFILE;

    private List<String> leftoversBefore;
    private Process server;

    /** The emulated credentials directory and the server's output: this test's own, deleted after it. */
    private Path scratch;

    @BeforeAll
    static void rootOnLinux() {
        assumeTrue(Host.isRootOnLinux(), "installs packages with dpkg: root on Linux only (CI runs as root)");
        assertThat(SERVER_DEB).isRegularFile();
    }

    @BeforeEach
    void aHostWithoutThePackages() {
        Host.purgePackages();
        for (String path : List.of("/etc/opensspr", "/var/lib/private/opensspr", "/var/lib/opensspr")) {
            assertThat(Files.exists(Path.of(path), LinkOption.NOFOLLOW_LINKS))
                    .as(path)
                    .isFalse();
        }
        leftoversBefore = Host.pathsNamingThePackages();
    }

    @AfterEach
    void stopAndPurge() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.descendants().forEach(ProcessHandle::destroyForcibly);
            server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        Host.purgePackages();
        if (scratch != null) {
            run("rm", "-rf", "--one-file-system", scratch.toString());
        }
    }

    @Test
    void theServerStartsAsItsUnitStartsItAsAUserWithoutAnAccountAndPurgeTakesItsDataAway() throws Exception {
        run("dpkg", "--install", SERVER_DEB.toString()).succeeded("dpkg --install");
        String unitText = read(DebPackagesIntegrationTests.SERVER_UNIT);

        // The admin's settings, in the conffile: free ports instead of 8080 and 1389.
        int port = freePort();
        int ldapPort = freePort();
        Files.writeString(
                Path.of(CONFFILE),
                read(CONFFILE) + "server.port=" + port + "\nsspr.directory.embedded.port=" + ldapPort + "\n",
                StandardCharsets.UTF_8);

        // What systemd makes before the start: a uid without an account, its state and cache
        // directories, and the credential (a copy of the conffile only that uid can read).
        int uid = dynamicUid();
        Path stateDir = privateDirectory("/var/lib", uid);
        Path cacheDir = privateDirectory("/var/cache", uid);
        scratch = Files.createTempDirectory("sspr-deb-test");
        run("chmod", "0755", scratch.toString()).succeeded("chmod");
        Path credentials = Files.createDirectory(scratch.resolve("credentials"));
        Files.copy(Path.of(CONFFILE), credentials.resolve("application.properties"));
        run("chown", "-R", uid + ":" + uid, credentials.toString()).succeeded("chown");
        run("chmod", "0500", credentials.toString()).succeeded("chmod");
        run("chmod", "0400", credentials.resolve("application.properties").toString())
                .succeeded("chmod");
        PackagedUnit unit = PackagedUnit.parse(unitText, Path.of("/var/lib"), Path.of("/var/cache"), credentials);
        assertThat(unit.setting("LoadCredential")).isEqualTo("application.properties:" + CONFFILE);

        server = start(unit, uid, stateDir, cacheDir, scratch.resolve("server.log"));
        awaitReady(port);

        assertThat(run("stat", "-c", "%u", "/proc/" + server.pid()).output().strip())
                .as("the server's uid")
                .isEqualTo(String.valueOf(uid));
        assertThat(run("getent", "passwd", String.valueOf(uid)).exitCode())
                .as("no account for the uid")
                .isNotZero();
        // The data dir is the server's alone: rwx------ and its files owned by the uid.
        assertThat(run("stat", "-c", "%a %u", stateDir.toString()).output().strip())
                .isEqualTo("700 " + uid);
        assertThat(stateDir.resolve("installation.properties")).isRegularFile();
        assertThat(run("stat", "-c", "%a %u", stateDir.resolve("keys").toString())
                        .output()
                        .strip())
                .isEqualTo("700 " + uid);
        assertThat(run("find", stateDir.toString(), "!", "-uid", String.valueOf(uid))
                        .output())
                .as("files in the data dir not owned by the server's uid")
                .isEmpty();
        // The launcher's start-up cache went where the unit says, not to a home the uid does not have.
        assertThat(run("find", cacheDir.toString(), "-name", "sspr-server.jsa").output())
                .isNotBlank();

        // systemctl stop sends SIGTERM; the unit counts the JVM's 143 as a clean stop.
        server.destroy();
        assertThat(server.waitFor(60, TimeUnit.SECONDS))
                .as("stopped within a minute")
                .isTrue();
        assertThat(String.valueOf(server.exitValue())).isEqualTo(unit.setting("SuccessExitStatus"));

        run("dpkg", "--purge", "sspr-server").succeeded("dpkg --purge");
        for (String gone : List.of(
                "/etc/opensspr",
                "/var/lib/private/opensspr",
                "/var/lib/opensspr",
                "/var/cache/private/opensspr",
                "/var/cache/opensspr",
                "/usr/share/sspr-server",
                "/usr/bin/sspr-server")) {
            assertThat(Files.exists(Path.of(gone), LinkOption.NOFOLLOW_LINKS))
                    .as(gone)
                    .isFalse();
        }
        assertThat(Host.pathsNamingThePackages()).isEqualTo(leftoversBefore);
    }

    @Test
    void theUnitIsHardenedAndItsDataDirIsTheStateDirectory() {
        run("dpkg", "--install", SERVER_DEB.toString()).succeeded("dpkg --install");
        PackagedUnit unit = PackagedUnit.parse(
                read(DebPackagesIntegrationTests.SERVER_UNIT),
                Path.of("/var/lib"),
                Path.of("/var/cache"),
                Path.of("/run/credentials/sspr-server.service"));
        Map<String, String> expected = Map.ofEntries(
                Map.entry("DynamicUser", "yes"),
                Map.entry("StateDirectory", "opensspr"),
                Map.entry("StateDirectoryMode", "0700"),
                Map.entry("UMask", "0077"),
                Map.entry("NoNewPrivileges", "yes"),
                Map.entry("ProtectSystem", "strict"),
                Map.entry("ProtectHome", "yes"),
                Map.entry("PrivateTmp", "yes"),
                Map.entry("PrivateDevices", "yes"),
                Map.entry("RestrictAddressFamilies", "AF_UNIX AF_INET AF_INET6"),
                Map.entry("CapabilityBoundingSet", ""),
                Map.entry("AmbientCapabilities", ""),
                Map.entry("SystemCallFilter", "@system-service"));
        expected.forEach(
                (name, value) -> assertThat(unit.setting(name)).as(name).isEqualTo(value));
        assertThat(unit.service()).contains("CapabilityBoundingSet=");
        assertThat(unit.environment())
                .containsEntry("SSPR_DATA_DIR", "/var/lib/opensspr")
                .containsEntry(
                        "SPRING_CONFIG_ADDITIONALLOCATION",
                        "optional:file:/run/credentials/sspr-server.service/application.properties");
        // No port below 1024 by default, so no capability is needed.
        assertThat(read(CONFFILE)).doesNotContainPattern("(?m)^server\\.port=");
    }

    /** What StateDirectory= and CacheDirectory= make with DynamicUser=: {@code <root>/private/opensspr} and a link. */
    private static Path privateDirectory(String root, int uid) throws IOException {
        Path privateRoot = Path.of(root, "private");
        if (!Files.isDirectory(privateRoot)) {
            Files.createDirectory(privateRoot);
            run("chmod", "0700", privateRoot.toString()).succeeded("chmod");
        }
        Path dir = Files.createDirectory(privateRoot.resolve("opensspr"));
        run("chown", uid + ":" + uid, dir.toString()).succeeded("chown");
        run("chmod", "0700", dir.toString()).succeeded("chmod");
        Files.createSymbolicLink(Path.of(root, "opensspr"), Path.of("private/opensspr"));
        return dir;
    }

    /**
     * ExecStart in a mount namespace of its own where, as under systemd, {@code /var/lib/private} and
     * {@code /var/cache/private} show only the service's folder, then as the uid with no groups, no
     * capabilities and no new privileges, in an environment of only what the unit sets.
     */
    private static Process start(PackagedUnit unit, int uid, Path stateDir, Path cacheDir, Path log)
            throws IOException {
        String script = "set -e\n"
                + "for d in \"$STATE\" \"$CACHE\"; do\n"
                + "  keep=$(mktemp -d)\n"
                + "  mount --bind \"$d\" \"$keep\"\n"
                + "  mount -t tmpfs -o mode=0755 tmpfs \"$(dirname \"$d\")\"\n"
                + "  mkdir \"$d\"\n"
                + "  mount --bind \"$keep\" \"$d\"\n"
                + "done\n"
                + "exec \"$@\"\n";
        List<String> command = new ArrayList<>(List.of(
                "unshare",
                "--mount",
                "--propagation",
                "private",
                "env",
                "STATE=" + stateDir,
                "CACHE=" + cacheDir,
                "sh",
                "-c",
                script,
                "sh",
                "setpriv",
                "--reuid=" + uid,
                "--regid=" + uid,
                "--clear-groups",
                "--no-new-privs",
                "--inh-caps=-all",
                "--bounding-set=-all",
                "env",
                "-i",
                "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "HOME=/",
                "LANG=C.UTF-8"));
        unit.environment().forEach((name, value) -> command.add(name + "=" + value));
        command.addAll(unit.execStart());
        return new ProcessBuilder(command)
                .directory(Path.of("/").toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private void awaitReady(int port) throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            assertThat(server.isAlive())
                    .as("the server exited with " + exitOf(server) + ":\n"
                            + Host.read(scratch.resolve("server.log").toString()))
                    .isTrue();
            try {
                HttpResponse<String> response = http.send(probe, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    assertThat(response.body()).contains("\"status\":\"UP\"");
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not ready within 5 minutes: " + last + "\n"
                + Host.read(scratch.resolve("server.log").toString()));
    }

    private static String exitOf(Process process) {
        return process.isAlive() ? "nothing yet" : String.valueOf(process.exitValue());
    }

    /** A uid in systemd's DynamicUser range that no account has. */
    private static int dynamicUid() {
        while (true) {
            int uid = ThreadLocalRandom.current().nextInt(61184, 65520);
            if (run("getent", "passwd", String.valueOf(uid)).exitCode() != 0) {
                return uid;
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
