package org.opensspr.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensspr.agent.AgentRun;
import org.opensspr.agent.ExitCode;
import org.opensspr.agent.Json;
import org.opensspr.agent.device.StateDir;
import org.opensspr.agent.registry.RegReaderTests;

/** {@code join}, {@code sync} and {@code logging} against a JDK HttpServer stub of the device API. */
class DeviceCommandsTests {

    private static final String TOKEN = "jt_Zx81-join-token-value";
    private static final String SECRET = "ds_Q2hhbmdlIG1lIHBsZWFzZQ-device-secret";
    private static final String BASIC =
            "Basic " + Base64.getEncoder().encodeToString(("dev_42:" + SECRET).getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<String> inventories = new CopyOnWriteArrayList<>();
    /** Every request as "METHOD path", in order. */
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private volatile boolean ready = true;

    @BeforeEach
    void startStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/devices", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            requests.add(method + " " + path);
            if (path.equals("/api/v1/devices") && method.equals("POST")) {
                if (body.contains("\"joinToken\":\"" + TOKEN + "\"")) {
                    respond(exchange, 201, "{\"deviceId\":\"dev_42\",\"deviceSecret\":\"" + SECRET + "\"}");
                } else {
                    respond(
                            exchange,
                            403,
                            "{\"type\":\"about:blank\",\"title\":\"join-token-invalid\",\"status\":403,\"detail\":\"The join token is spent, expired or unknown.\"}");
                }
            } else if (!BASIC.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, "{\"title\":\"Unauthorized\",\"status\":401}");
            } else if (path.equals("/api/v1/devices/self") && method.equals("DELETE")) {
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            } else if (path.equals("/api/v1/devices/self/configuration") && method.equals("GET")) {
                respond(
                        exchange,
                        200,
                        "{\"settings\":[{\"omaUri\":\"./Vendor/MSFT/Policy/Config/Authentication/AllowAadPasswordReset\","
                                + "\"dataType\":\"integer\",\"value\":1,\"profile\":\"10-base\"}],\"conflicts\":[]}");
            } else if (path.equals("/api/v1/devices/self/inventory") && method.equals("PUT")) {
                inventories.add(body);
                respond(
                        exchange,
                        200,
                        ready
                                ? "{\"ready\":true,\"findings\":[]}"
                                : "{\"ready\":false,\"findings\":[{\"rule\":\"uac-disabled\",\"severity\":\"error\",\"message\":\"UAC is off.\",\"remedy\":\"Turn it on.\"}]}");
            } else {
                respond(exchange, 404, "{\"status\":404}");
            }
        });
        server.start();
    }

    @AfterEach
    void stopStub() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders()
                .set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Path state() {
        return dir.resolve("state");
    }

    private AgentRun join() {
        return AgentRun.of(
                "join", "--state-dir", state().toString(), "--server", url(), "--token", TOKEN, "--name", "lab-pc-1");
    }

    private Path readyExport() throws IOException {
        Path export = dir.resolve("ready.reg");
        try (var in = getClass().getResourceAsStream("/reg/ready.reg")) {
            Files.write(export, RegReaderTests.utf16le(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        return export;
    }

    @Test
    void joinWhenTokenAcceptedThenCredentialStoredOwnerOnlyAndSecretNeverPrinted() throws IOException {
        AgentRun run = join();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("dev_42").doesNotContain(SECRET).doesNotContain(TOKEN);
        Path credential = state().resolve(StateDir.DEVICE);
        assertThat(Files.readString(credential))
                .contains("deviceSecret=" + SECRET)
                .contains("deviceId=dev_42");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credential)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state())))
                .isEqualTo("rwx------");
    }

    @Test
    void joinWhenTokenRefusedThenServerErrorWithTheProblem() {
        AgentRun run =
                AgentRun.of("join", "--state-dir", state().toString(), "--server", url(), "--token", "jt_wrong-token");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err())
                .contains("HTTP 403 join-token-invalid: The join token is spent, expired or unknown.")
                .doesNotContain("jt_wrong-token");
        assertThat(state().resolve(StateDir.DEVICE)).doesNotExist();
    }

    @Test
    void joinWhenServerCannotBeReachedThenClearError() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        AgentRun run = AgentRun.of(
                "join", "--state-dir", state().toString(), "--server", "http://127.0.0.1:" + closed, "--token", TOKEN);

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("cannot reach the server at http://127.0.0.1:" + closed);
    }

    @Test
    void joinWhenPlainHttpToAnotherHostThenRefusedBeforeConnecting() {
        AgentRun run = AgentRun.of(
                "join", "--state-dir", state().toString(), "--server", "http://sspr.example.org", "--token", TOKEN);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Refusing plain http:// to sspr.example.org");
    }

    @Test
    void joinWhenNoTokenThenUsageError() {
        AgentRun run = AgentRun.of("join", "--state-dir", state().toString(), "--server", url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("join needs --token");
    }

    @Test
    void joinWhenTheDeviceHasJoinedAlreadyThenRefusedAndNoSecondDeviceIsMade() {
        assertThat(join().exitCode()).isZero();
        requests.clear();

        AgentRun again = join();

        assertThat(again.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(again.err())
                .contains("has already joined " + url() + " as dev_42")
                .contains("--rejoin");
        assertThat(requests).isEmpty();
    }

    @Test
    void joinWithRejoinRemovesTheOldDeviceWithItsOwnCredentialBeforeJoiningAgain() throws IOException {
        assertThat(join().exitCode()).isZero();
        assertThat(AgentRun.of(
                                "sync",
                                "--state-dir",
                                state().toString(),
                                "--registry",
                                readyExport().toString())
                        .exitCode())
                .isZero();
        requests.clear();

        AgentRun again =
                AgentRun.of("join", "--state-dir", state().toString(), "--server", url(), "--token", TOKEN, "--rejoin");

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(requests).containsExactly("DELETE /api/v1/devices/self", "POST /api/v1/devices");
        assertThat(again.out()).contains("Removed the old device dev_42").contains("Joined " + url());
        assertThat(state().resolve(StateDir.CONFIGURATION)).doesNotExist();
    }

    @Test
    void joinWithRejoinWhenTheServerCannotBeReachedThenTheOldCredentialIsKept() throws IOException {
        assertThat(join().exitCode()).isZero();
        String credential = Files.readString(state().resolve(StateDir.DEVICE));
        server.stop(0);

        AgentRun again =
                AgentRun.of("join", "--state-dir", state().toString(), "--server", url(), "--token", TOKEN, "--rejoin");

        assertThat(again.exitCode()).isEqualTo(ExitCode.SERVER.code());
        assertThat(Files.readString(state().resolve(StateDir.DEVICE))).isEqualTo(credential);
    }

    @Test
    void checkAndSyncSayTheSameOfALinuxDeviceWithoutADisplayManager() throws IOException {
        assumeTrue(System.getProperty("os.name").equals("Linux"), "the Linux sign-in checks run on Linux");
        assertThat(join().exitCode()).isZero();
        Path bareRoot = Files.createDirectories(dir.resolve("bare-root"));

        AgentRun sync = AgentRun.of("sync", "--state-dir", state().toString(), "--linux-root", bareRoot.toString());
        AgentRun check = AgentRun.of("check", "--state-dir", state().toString(), "--linux-root", bareRoot.toString());

        assertThat(sync.out()).contains("linux-display-manager");
        assertThat(check.out()).contains("linux-display-manager");
        assertThat(sync.exitCode()).as(sync.err()).isEqualTo(check.exitCode());
    }

    @Test
    void syncWhenJoinedThenCachesConfigurationReportsInventoryAndPrintsVerdict() throws IOException {
        join();

        AgentRun run = AgentRun.of(
                "sync",
                "--state-dir",
                state().toString(),
                "--registry",
                readyExport().toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Synchronised with " + url() + " as dev_42")
                .contains("Ready for password reset from the sign-in screen: yes");
        assertThat(Files.readString(state().resolve(StateDir.CONFIGURATION))).contains("AllowAadPasswordReset");
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(state().resolve(StateDir.CONFIGURATION))))
                .isEqualTo("rw-------");
        @SuppressWarnings("unchecked")
        Map<String, Object> inventory = (Map<String, Object>) Json.parse(inventories.get(0));
        assertThat(inventory)
                .containsEntry("os", "Windows")
                .containsEntry("osBuild", 19045L)
                .containsEntry("edition", "Professional")
                .containsEntry("sessionType", "console");
        assertThat((Map<String, Object>) inventory.get("registry"))
                .containsEntry("hklm\\software\\policies\\microsoft\\azureadaccount\\allowpasswordreset", 1L);
    }

    @Test
    void syncWhenServerSaysNotReadyThenExitOneWithTheServersFindings() throws IOException {
        join();
        ready = false;

        AgentRun run = AgentRun.of(
                "sync",
                "--state-dir",
                state().toString(),
                "--registry",
                readyExport().toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("uac-disabled").contains("Remedy: Turn it on.");
    }

    @Test
    void syncWhenNotJoinedThenExitFour() {
        AgentRun run = AgentRun.of("sync", "--state-dir", state().toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_JOINED.code()).isEqualTo(4);
        assertThat(run.err()).contains("has not joined the reset service yet");
    }

    @Test
    void syncWithIntervalRepeats() throws IOException {
        join();

        AgentRun run = AgentRun.of(
                "sync",
                "--state-dir",
                state().toString(),
                "--registry",
                readyExport().toString(),
                "--interval",
                "1s",
                "--rounds",
                "2");

        assertThat(run.exitCode()).isZero();
        assertThat(inventories).hasSize(2);
    }

    @Test
    void syncWhenIntervalIsMalformedThenUsageError() throws IOException {
        join();

        AgentRun run = AgentRun.of("sync", "--state-dir", state().toString(), "--interval", "soon");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--interval: expected 30s, 15m, 1h, 1d or PT15M");
    }

    @Test
    void loggingPersistsTheSetting() throws IOException {
        assertThat(AgentRun.of("logging", "--state-dir", state().toString()).out())
                .contains("Verbose logging is off.");
        assertThat(AgentRun.of("logging", "--state-dir", state().toString(), "--verbose", "on")
                        .out())
                .contains("Verbose logging is on");
        assertThat(Files.readString(state().resolve(StateDir.SETTINGS))).contains("verbose=true");
        assertThat(AgentRun.of("logging", "--state-dir", state().toString(), "--verbose", "off")
                        .out())
                .contains("off");
        assertThat(AgentRun.of("logging", "--state-dir", state().toString(), "--verbose", "maybe")
                        .exitCode())
                .isEqualTo(2);
    }

    @Test
    void verboseLogNeverHoldsTheDeviceSecretOrTheJoinToken() throws IOException {
        AgentRun.of("logging", "--state-dir", state().toString(), "--verbose", "on");
        join();
        AgentRun.of(
                "sync",
                "--state-dir",
                state().toString(),
                "--registry",
                readyExport().toString());
        AgentRun.of(
                "join",
                "--state-dir",
                dir.resolve("other").toString(),
                "--server",
                url(),
                "--token",
                "jt_refused-token");

        String log = Files.readString(state().resolve(StateDir.LOG));
        assertThat(log)
                .contains("POST " + url() + "/api/v1/devices -> 201")
                .contains("GET " + url() + "/api/v1/devices/self/configuration -> 200")
                .contains("joined as dev_42");
        assertThat(log).doesNotContain(SECRET).doesNotContain(TOKEN).doesNotContain(BASIC.substring(6));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state().resolve(StateDir.LOG))))
                .isEqualTo("rw-------");
    }
}
