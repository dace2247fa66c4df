package org.opensspr.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's container image (target/sspr-server-image.tar, built by Jib) run by Debian's podman
 * as an operator would: loaded, started on a published port with a named volume for its data dir
 * and its configuration mounted at /etc/opensspr, health-checked, stopped, and started again in a
 * new container on the same volume, then once more on that volume without its database. Pins down
 * that the image runs the server as a non-root user, keeps the data dir the owner's alone, keeps its
 * state on the volume (not in the container) and refuses to start when that state is lost.
 */
class ServerImageIntegrationTests {

    private static final int UID = 10001;
    private static final String DATA_DIR = "/var/lib/opensspr";
    /** A first start on 2 shared cores takes about 30 s here; a start that takes longer has failed. */
    private static final Duration START_DEADLINE = Duration.ofMinutes(3);

    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = Set.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path work;

    @Test
    void runsAsNonRootWithAPrivateDataDirKeepsItsStateOnTheVolumeAndRefusesToStartWithoutIt() throws Exception {
        assumeThat(System.getProperty("os.name")).isEqualTo("Linux");
        assumeThat(System.getProperty("user.name"))
                .as("podman runs images as root on the test machines")
                .isEqualTo("root");
        assumeThat(Podman.installed()).as("podman is installed").isTrue();
        Path tarball = Path.of(System.getProperty("opensspr.image.tar", "target/sspr-server-image.tar"));
        assertThat(tarball)
                .as("the container-image profile builds the tarball wherever root has podman and debootstrap")
                .isRegularFile();

        String run = random(4);
        String volume = "sspr-image-test-" + run;
        String adminToken = random(24);
        Path config = configuration(adminToken);
        List<String> containers = new ArrayList<>();
        String imageId = null;
        try {
            Instant loading = Instant.now();
            String loaded = Podman.run("load", "--input", tarball.toString());
            Matcher name = Pattern.compile("Loaded image(?:\\(s\\))?: (\\S+)").matcher(loaded);
            assertThat(name.find())
                    .as("podman load names the image: %s", loaded)
                    .isTrue();
            imageId = Podman.run("image", "inspect", "--format", "{{.Id}}", name.group(1));
            System.out.printf(
                    Locale.ROOT, "Loaded %s (%s) in %d s%n", name.group(1), imageId.substring(0, 12), seconds(loading));
            assertThat(name.group(1)).endsWith(System.getProperty("opensspr.image.name", "opensspr/sspr-server"));
            assertThat(Podman.run(
                            "image",
                            "inspect",
                            "--format",
                            "{{.Config.User}} {{json .Config.ExposedPorts}} {{json .Config.Volumes}}"
                                    + " {{index .Config.Labels \"org.opencontainers.image.licenses\"}}",
                            imageId))
                    .isEqualTo("10001:10001 {\"8080/tcp\":{}} {\"/var/lib/opensspr\":{}} Apache-2.0");

            Podman.run("volume", "create", volume);
            int port = freePort();
            String first = start("sspr-image-test-" + run + "-1", imageId, port, volume, config);
            containers.add(first);
            awaitUp(first, port);
            assertThat(processUids(first))
                    .as("the server's real, effective, saved and fs uids")
                    .containsOnly(UID);
            Path dataDir = Path.of(Podman.run("volume", "inspect", "--format", "{{.Mountpoint}}", volume));
            assertPrivate(dataDir);
            Podman.Result healthcheck = Podman.attempt("healthcheck", "run", first);
            assertThat(healthcheck.exitCode())
                    .as("the documented health command, as podman runs it: %s", healthcheck)
                    .isZero();
            String organisation = "Container test " + run;
            HttpResponse<String> patched =
                    admin(port, adminToken, "PATCH", "{\"organisationName\":\"" + organisation + "\"}");
            assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
            String installation = Files.readString(dataDir.resolve("installation.properties"), StandardCharsets.UTF_8);

            Instant stopping = Instant.now();
            Podman.run("stop", "--time", "60", first);
            assertThat(Podman.run("inspect", "--format", "{{.State.Status}}", first))
                    .isEqualTo("exited");
            System.out.printf(Locale.ROOT, "Stopped %s in %d s%n", first, seconds(stopping));

            int secondPort = freePort();
            String second = start("sspr-image-test-" + run + "-2", imageId, secondPort, volume, config);
            containers.add(second);
            awaitUp(second, secondPort);
            HttpResponse<String> branding = admin(secondPort, adminToken, "GET", null);
            assertThat(branding.body())
                    .as("what the first container stored, read by the second")
                    .contains("\"organisationName\":\"" + organisation + "\"");
            assertThat(Files.readString(dataDir.resolve("installation.properties"), StandardCharsets.UTF_8))
                    .as("the same installation (database, key and directory) on the volume")
                    .isEqualTo(installation);
            assertThat(processUids(second)).containsOnly(UID);
            assertPrivate(dataDir);

            // The volume loses its database: the server refuses to start blank, and the container says why.
            Podman.run("stop", "--time", "60", second);
            deleteRecursively(dataDir.resolve("db"));
            String third = start("sspr-image-test-" + run + "-3", imageId, freePort(), volume, config);
            containers.add(third);
            Instant waiting = Instant.now();
            assertThat(Podman.run("wait", third))
                    .as("the exit code of a start on lost state")
                    .isEqualTo("1");
            assertThat(logs(third)).contains("Refusing to start");
            System.out.printf(
                    Locale.ROOT, "%s refused to start on the lost database after %d s%n", third, seconds(waiting));
        } finally {
            for (String container : containers) {
                Podman.attempt("rm", "--force", "--time", "10", container);
            }
            Podman.attempt("volume", "rm", "--force", volume);
            if (imageId != null) {
                Podman.attempt("rmi", "--force", imageId);
            }
        }
    }

    /**
     * /etc/opensspr as an operator would mount it: application.properties and the embedded
     * directory's seed, readable by the server's account only.
     */
    private Path configuration(String adminToken) throws IOException {
        Path config = Files.createDirectory(work.resolve("etc-opensspr"));
        Files.writeString(
                config.resolve("seed.ldif"),
                String.join(
                        "\n",
                        "dn: dc=example,dc=org",
                        "objectClass: top",
                        "objectClass: domain",
                        "dc: example",
                        "",
                        "dn: ou=people,dc=example,dc=org",
                        "objectClass: organizationalUnit",
                        "ou: people",
                        "",
                        "dn: uid=carol,ou=people,dc=example,dc=org",
                        "objectClass: inetOrgPerson",
                        "uid: carol",
                        "cn: Carol Container",
                        "sn: Container",
                        "mail: carol@example.org",
                        "userPassword: carol-" + random(12),
                        ""),
                StandardCharsets.UTF_8);
        Files.writeString(
                config.resolve("application.properties"),
                String.join(
                        "\n",
                        // An operator's own directory (not the demo one, refused off loopback).
                        "sspr.directory.embedded.seed=/etc/opensspr/seed.ldif",
                        // Requests the host forwards arrive from podman's default bridge; a proxy
                        // (or TLS) is what lets the server listen on the container's interfaces.
                        "sspr.trusted-proxy=10.88.0.0/16",
                        "sspr.bootstrap.admin-token=" + adminToken,
                        ""),
                StandardCharsets.UTF_8);
        for (Path path : List.of(config, config.resolve("seed.ldif"), config.resolve("application.properties"))) {
            Files.setAttribute(path, "unix:uid", UID);
            Files.setAttribute(path, "unix:gid", UID);
            Files.setPosixFilePermissions(
                    path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwx------" : "rw-------"));
        }
        return config;
    }

    private static String start(String name, String image, int port, String volume, Path config)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("run", "--detach", "--name", name));
        args.addAll(Podman.RUN_OPTIONS);
        args.addAll(List.of(
                "--publish",
                "127.0.0.1:" + port + ":8080",
                "--volume",
                volume + ":" + DATA_DIR,
                "--volume",
                config + ":/etc/opensspr:ro",
                // The health command the README documents (podman runs it on a timer where systemd is PID 1).
                "--health-cmd",
                "curl -fsS -o /dev/null http://127.0.0.1:8080/actuator/health/readiness",
                "--health-start-period",
                "2m",
                image));
        Instant starting = Instant.now();
        String id = Podman.run(args.toArray(String[]::new));
        System.out.printf(
                Locale.ROOT,
                "Started %s (%s) on 127.0.0.1:%d in %d s%n",
                name,
                id.substring(0, 12),
                port,
                seconds(starting));
        return name;
    }

    /** Waits until GET /actuator/health answers 200 UP, failing with the container's log if it exits or the deadline passes. */
    private void awaitUp(String container, int port) throws IOException, InterruptedException {
        Instant started = Instant.now();
        Instant deadline = started.plus(START_DEADLINE);
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5))
                .build();
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            String state = Podman.run("inspect", "--format", "{{.State.Status}}", container);
            if (!state.equals("running")) {
                throw new AssertionError(
                        container + " is " + state + " before its health answered UP:\n" + logs(container));
            }
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"")) {
                    System.out.printf(Locale.ROOT, "%s: /actuator/health UP after %d s%n", container, seconds(started));
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException notListeningYet) {
                last = notListeningYet.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError(container + ": /actuator/health not UP within " + START_DEADLINE + " (last: " + last
                + "):\n" + logs(container));
    }

    private HttpResponse<String> admin(int port, String token, String method, String json)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/admin/branding"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The Uid: line of PID 1 (the server) in the container: real, effective, saved set and file system uid. */
    private static List<Integer> processUids(String container) throws IOException, InterruptedException {
        String status = Podman.run("exec", container, "cat", "/proc/1/status");
        Matcher uid = Pattern.compile("(?m)^Uid:\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)$")
                .matcher(status);
        assertThat(uid.find()).as(status).isTrue();
        List<Integer> uids = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            uids.add(Integer.parseInt(uid.group(i)));
        }
        String command = Podman.run("exec", container, "cat", "/proc/1/cmdline").replace('\0', ' ');
        assertThat(command).as("PID 1 is the server").startsWith("java -jar /opt/opensspr/sspr-server.jar");
        return uids;
    }

    /** The data dir on the volume and everything in it belong to the server's account and to no one else. */
    private static void assertPrivate(Path dataDir) throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)))
                .isEqualTo("rwx------");
        assertThat(dataDir.resolve("installation.properties")).isRegularFile();
        assertThat(dataDir.resolve("keys/master.key")).isRegularFile();
        List<String> exposed = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
                int owner = (Integer) Files.getAttribute(path, "unix:uid");
                if (owner != UID || permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
                    exposed.add(PosixFilePermissions.toString(permissions) + " uid " + owner + " "
                            + dataDir.relativize(path));
                }
            }
        }
        assertThat(exposed)
                .as("paths in the data dir not the server account's alone")
                .isEmpty();
    }

    private static String logs(String container) throws IOException, InterruptedException {
        Podman.Result logs = Podman.attempt("logs", "--tail", "40", container);
        return logs.stdout() + logs.stderr();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String random(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static long seconds(Instant since) {
        return Duration.between(since, Instant.now()).toSeconds();
    }
}
