package org.opensspr.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the reset service on 127.0.0.1 that answers as the real one does: a logon
 * session for the right device credential, a flow with one email method for the session token,
 * 202 for a challenge, code {@value #CODE} accepted and any other code refused with
 * {@code 400 code-invalid}, a password shorter than 12 characters refused with a {@code 422}
 * violation. It records what it was sent. With {@link #passwordPolicy} on it also answers as a
 * current server does: the policy's rules in the flow's answer ({@link #RULE}) and the password check,
 * which refuses the same passwords with the same violation.
 */
public final class LogonStubServer implements AutoCloseable {

    public static final String DEVICE_ID = "dev_test";
    public static final String DEVICE_SECRET = "s3cret-device";
    public static final String SESSION_TOKEN = "session-token-1";
    public static final String CODE = "12345678";
    public static final String VIOLATION = "Use at least 12 characters.";
    public static final String RULE = "At least 12 characters.";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final boolean resetEnabled;
    public final List<String> requests = new CopyOnWriteArrayList<>();
    public volatile String acceptedPassword;
    public volatile String flowAuthorization;
    public volatile String challengeContact;
    /** The flow's methods; tests may replace them (security questions answer "blue" to every question). */
    public volatile String methods = "[{\"id\":\"email\",\"type\":\"email\",\"hint\":\"a*****@e*****.org\"}]";
    /** Whether the server refuses the device credential as it does for a disabled device. */
    public volatile boolean deviceDisabled;
    /** Whether the flow's answer carries the policy's rules and {@code .../password/check} answers. */
    public volatile boolean passwordPolicy;

    public LogonStubServer(boolean resetEnabled) throws IOException {
        this.resetEnabled = resetEnabled;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Writes device.properties (this server, the test credential) and an enabling or disabling configuration.json. */
    public Path writeState(Path stateDir, boolean enabledInConfiguration) throws IOException {
        Files.writeString(
                stateDir.resolve("device.properties"),
                "server=" + url() + "\ndeviceId=" + DEVICE_ID + "\ndeviceSecret=" + DEVICE_SECRET + "\n");
        Files.writeString(stateDir.resolve("configuration.json"), """
                {"settings":[{"omaUri":"./Device/Vendor/MSFT/Policy/Config/Authentication/AllowAadPasswordReset",
                  "dataType":"integer","value":%s,"profile":"10-base"}],"conflicts":[]}
                """.formatted(enabledInConfiguration ? "1" : "0"));
        return stateDir;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readAllBytes();
            body = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
        }
        requests.add(exchange.getRequestMethod() + " " + path);
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (path.equals("/api/v1/logon/sessions")) {
            String expected = "Basic "
                    + Base64.getEncoder()
                            .encodeToString((DEVICE_ID + ":" + DEVICE_SECRET).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(auth)) {
                send(exchange, 401, "");
            } else if (deviceDisabled) {
                // What the server says of a disabled device: words for admins, not for the person at the screen.
                problem(
                        exchange,
                        401,
                        "unauthorized",
                        "The device credential is not valid: the device is unknown, disabled or deleted, or the secret is wrong.",
                        "");
            } else if (!resetEnabled) {
                problem(
                        exchange,
                        403,
                        "logon-reset-not-enabled",
                        "Reset from the sign-in screen is not enabled for this device.",
                        "");
            } else {
                send(
                        exchange,
                        201,
                        "{\"sessionToken\":\"" + SESSION_TOKEN + "\",\"expiresAt\":\"2030-01-01T00:15:00Z\"}");
            }
        } else if (path.equals("/api/v1/reset/flows")) {
            flowAuthorization = auth;
            String rules = passwordPolicy
                    ? ",\"password\":{\"minLength\":12,\"maxLength\":256,\"rules\":[\"" + RULE
                            + "\",\"Not your name, your user name or the name of your organisation.\"]}"
                    : "";
            send(
                    exchange,
                    201,
                    "{\"flowId\":\"flow-1\",\"expiresAt\":\"2030-01-01T00:15:00Z\",\"required\":1," + "\"methods\":"
                            + methods + rules + "}");
        } else if (path.equals("/api/v1/reset/flows/flow-1/password/check") && passwordPolicy) {
            boolean accepted = body.path("newPassword").asText().length() >= 12;
            send(
                    exchange,
                    200,
                    accepted
                            ? "{\"accepted\":true,\"violations\":[],\"strength\":3}"
                            : "{\"accepted\":false,\"violations\":[{\"code\":\"password-too-short\",\"message\":\""
                                    + VIOLATION + "\"}],\"strength\":1}");
        } else if (path.equals("/api/v1/reset/flows/flow-1/challenges")
                && body.path("methodId").asText().equals("questions")) {
            send(
                    exchange,
                    200,
                    "{\"questions\":[{\"id\":\"q01\",\"text\":\"Favourite colour?\"},"
                            + "{\"id\":\"q05\",\"text\":\"Colour of your first car?\"}]}");
        } else if (path.equals("/api/v1/reset/flows/flow-1/verifications") && body.has("answers")) {
            boolean right = true;
            for (JsonNode answer : body.path("answers")) {
                right &= answer.path("answer").asText().equals("blue");
            }
            if (right && body.path("answers").size() == 2) {
                send(exchange, 200, "{\"remaining\":0}");
            } else {
                problem(exchange, 400, "answers-invalid", "One or more answers are wrong.", "");
            }
        } else if (path.equals("/api/v1/reset/flows/flow-1/challenges")) {
            challengeContact = body.path("contact").asText(null);
            send(exchange, 202, "");
        } else if (path.equals("/api/v1/reset/flows/flow-1/verifications")) {
            if (CODE.equals(body.path("code").asText())) {
                send(exchange, 200, "{\"remaining\":0}");
            } else {
                problem(
                        exchange,
                        400,
                        "code-invalid",
                        "The code is wrong or has expired. Check it, or ask for a new code.",
                        "");
            }
        } else if (path.equals("/api/v1/reset/flows/flow-1/password")) {
            String password = body.path("newPassword").asText();
            if (password.length() < 12) {
                problem(
                        exchange,
                        422,
                        "password-rejected",
                        "The new password does not meet the password policy: " + VIOLATION,
                        ",\"violations\":[{\"code\":\"too-short\",\"message\":\"" + VIOLATION + "\"}]");
            } else {
                acceptedPassword = password;
                send(exchange, 200, "{\"status\":\"reset\"}");
            }
        } else if (path.equals("/api/v1/reset/flows/flow-1/unlock")) {
            send(exchange, 200, "{\"status\":\"unlocked\"}");
        } else {
            problem(
                    exchange,
                    404,
                    "flow-not-found",
                    "This password reset has expired or does not exist. Please start again.",
                    "");
        }
    }

    private static void problem(HttpExchange exchange, int status, String type, String detail, String extra)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        send(
                exchange,
                status,
                "{\"type\":\"https://opensspr.org/problems/" + type + "\",\"status\":" + status + ",\"detail\":\""
                        + detail + "\"" + extra + "}");
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
