package org.opensspr.agent.logon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.opensspr.agent.AgentException;
import org.opensspr.agent.AgentLog;
import org.opensspr.agent.ExitCode;
import org.opensspr.agent.FilePermissions;
import org.opensspr.agent.device.DeviceCredential;
import org.opensspr.agent.device.StateDir;
import org.opensspr.agent.server.ServerClient;

/**
 * The root-owned half of the sign-in screen on Linux: a Unix domain socket that hands out logon
 * sessions, so that the locked-down {@code reset} account never reads the device secret.
 *
 * <p>Protocol: the client connects, writes one request line and reads one JSON line back.
 * <ul>
 *   <li>{@code info}: {@code {"server":URL,"resetEnabled":bool}} from the state directory;</li>
 *   <li>{@code session}: a new logon session made with the device credential,
 *       {@code {"sessionToken","expiresAt","server"}} and nothing else;</li>
 *   <li>on failure: {@code {"error":TYPE,"detail":TEXT,"status":N}} ({@code not-joined},
 *       {@code unreachable}, {@code busy} past {@value #MAX_SESSIONS_PER_MINUTE} sessions a minute,
 *       or the server's problem type).</li>
 * </ul>
 * Who may connect is decided by the file system: the socket's directory and file belong to root and
 * to one group (the {@code reset} account's), {@code rwxr-x---} and {@code rw-rw----}.
 */
public final class LogonBroker implements AutoCloseable {

    public static final String INFO = "info";
    public static final String SESSION = "session";
    /** What the sign-in screen shows when nobody answers on the socket. */
    public static final String NOT_RUNNING =
            "The sign-in screen's helper service (sspr-agent broker) is not running. Ask your helpdesk.";

    private static final int MAX_REQUEST = 64;
    /** Sessions per minute, for everyone together: one person at the sign-in screen needs one per attempt. */
    public static final int MAX_SESSIONS_PER_MINUTE = 10;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path socket;
    private final StateDir state;
    private final Supplier<java.net.http.HttpClient> http;
    private final ServerSocketChannel server;
    private final ExecutorService workers = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "sspr-agent-broker");
        t.setDaemon(true);
        return t;
    });
    private final java.util.ArrayDeque<Long> issued = new java.util.ArrayDeque<>();
    private volatile boolean closed;

    private LogonBroker(
            Path socket, StateDir state, Supplier<java.net.http.HttpClient> http, ServerSocketChannel server) {
        this.socket = socket;
        this.state = state;
        this.http = http;
        this.server = server;
    }

    /**
     * Binds the socket (a stale socket file is replaced) with its directory {@code rwxr-x---} and
     * the file {@code rw-rw----}, both given to {@code group} when it is not null.
     */
    public static LogonBroker bind(Path socket, String group, StateDir state, Supplier<java.net.http.HttpClient> http)
            throws IOException {
        Path dir = socket.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        FilePermissions.set(dir, "rwxr-x---");
        setGroup(dir, group);
        Files.deleteIfExists(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
            FilePermissions.set(socket, "rw-rw----");
            setGroup(socket, group);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return new LogonBroker(socket, state, http, server);
    }

    private static void setGroup(Path path, String group) throws IOException {
        if (group == null || group.isBlank()) {
            return;
        }
        GroupPrincipal principal =
                path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName(group);
        Files.getFileAttributeView(path, PosixFileAttributeView.class).setGroup(principal);
    }

    /** Serves until {@link #close}. */
    public void serve() throws IOException {
        while (!closed) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                throw e;
            }
            workers.execute(() -> handle(client));
        }
    }

    private void handle(SocketChannel client) {
        try (client) {
            String request = readLine(client);
            String answer = answer(request).toString() + "\n";
            client.write(ByteBuffer.wrap(answer.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            AgentLog.LOG.fine(() -> "broker: a request failed: " + e.getClass().getSimpleName());
        }
    }

    private static String readLine(SocketChannel client) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(MAX_REQUEST);
        while (buffer.hasRemaining()) {
            int before = buffer.position();
            if (client.read(buffer) < 0) {
                break;
            }
            for (int i = before; i < buffer.position(); i++) {
                if (buffer.get(i) == '\n') {
                    return new String(buffer.array(), 0, i, StandardCharsets.UTF_8).strip();
                }
            }
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
    }

    /** The answer to one request line; {@link #serve} writes it back on the socket. */
    public ObjectNode answer(String request) {
        DeviceCredential device;
        boolean resetEnabled;
        try {
            device = state.requireCredential();
            resetEnabled = state.resetEnabled();
        } catch (AgentException e) {
            return error("not-joined", e.getMessage(), 0);
        }
        if (INFO.equals(request)) {
            return JSON.createObjectNode()
                    .put("server", device.server().toString())
                    .put("resetEnabled", resetEnabled);
        }
        if (!SESSION.equals(request)) {
            return error("bad-request", "The broker understands 'info' and 'session'.", 0);
        }
        if (!allowSession()) {
            return error(
                    "busy",
                    "Too many password resets were started on this computer just now. Wait a minute and try again.",
                    0);
        }
        try {
            ServerClient client =
                    new ServerClient(ServerClient.serverUri(device.server().toString()), http.get());
            ServerClient.LogonSession session = client.newLogonSession(device);
            AgentLog.LOG.fine(() -> "broker: issued a logon session (expires " + session.expiresAt() + ")");
            return JSON.createObjectNode()
                    .put("sessionToken", session.sessionToken())
                    .put("expiresAt", session.expiresAt())
                    .put("server", device.server().toString());
        } catch (AgentException e) {
            // The admin's words go to the broker's log; the reset account gets what the user may read.
            AgentLog.LOG.warning(() -> "broker: no logon session: " + e.getMessage());
            return e.problem()
                    .map(p -> error(p.type(), e.userMessage(), p.status()))
                    .orElseGet(() ->
                            error(e.exitCode() == ExitCode.USAGE ? "bad-server" : "unreachable", e.userMessage(), 0));
        }
    }

    private synchronized boolean allowSession() {
        long now = System.nanoTime();
        while (!issued.isEmpty() && now - issued.peekFirst() > TimeUnit.MINUTES.toNanos(1)) {
            issued.removeFirst();
        }
        if (issued.size() >= MAX_SESSIONS_PER_MINUTE) {
            return false;
        }
        issued.addLast(now);
        return true;
    }

    private static ObjectNode error(String type, String detail, int status) {
        return JSON.createObjectNode()
                .put("error", type)
                .put("detail", detail == null ? "" : detail)
                .put("status", status);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        try {
            server.close();
        } finally {
            workers.shutdown();
            try {
                workers.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Files.deleteIfExists(socket);
        }
    }

    /**
     * Sends one request to the broker at {@code socket} and returns its JSON answer; the broker's
     * error answer is thrown as the agent's one error type, with words for the user.
     */
    public static JsonNode ask(Path socket, String request) {
        JsonNode answer;
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap((request + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.shutdownOutput();
            answer = JSON.readTree(Channels.newInputStream(channel));
        } catch (IOException e) {
            throw AgentException.unreachable("nobody answers on " + socket + ": " + e.getMessage(), NOT_RUNNING, e);
        }
        if (answer == null || !answer.isObject()) {
            throw AgentException.unreachable("the broker on " + socket + " gave no JSON object", NOT_RUNNING, null);
        }
        if (answer.hasNonNull("error")) {
            String type = answer.path("error").asText();
            String detail = answer.path("detail").asText("");
            switch (type) {
                case "not-joined" -> throw new AgentException(ExitCode.NOT_JOINED, detail);
                case "unreachable" -> throw AgentException.unreachable(detail, detail, null);
                case "bad-server" -> throw new AgentException(ExitCode.SERVER, detail);
                default ->
                    throw AgentException.refused(
                            "the broker relayed " + type,
                            new AgentException.Problem(answer.path("status").asInt(0), type, detail, List.of()));
            }
        }
        return answer;
    }

    /** The session token of a fresh logon session from the broker at {@code socket}. */
    public static String sessionToken(Path socket) {
        return ask(socket, SESSION).path("sessionToken").asText(null);
    }
}
