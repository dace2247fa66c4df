package org.opensspr.agent;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * The reset API as the sign-in screen uses it: a logon session with the device credential, then
 * one reset flow started with the session token. The session token lives only in this object's
 * memory; nothing here logs or prints a token, a code, an answer or a password.
 *
 * <p>HTTPS with TLS 1.2 or 1.3 only, through the machine's proxy ({@link ProxySelector#getDefault()}:
 * {@code https.proxyHost}/{@code https.proxyPort}, or {@code -Djava.net.useSystemProxies=true});
 * plain {@code http://} is refused unless the server is on a loopback address.
 */
final class LogonClient {

    static final String UNREACHABLE =
            "The reset service cannot be reached. Check the network cable or Wi-Fi, or ask your helpdesk.";
    static final String TLS_FAILED = "A secure connection to the reset service could not be made (TLS 1.2 or newer "
            + "with a trusted certificate is required). Ask your helpdesk.";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI server;
    private final String basicCredential;
    private final SessionSource sessionSource;
    private final HttpClient http;
    private String sessionToken;

    LogonClient(URI server, String deviceId, String deviceSecret, HttpClient http) {
        this.server = Objects.requireNonNull(server, "server cannot be null");
        Objects.requireNonNull(deviceId, "deviceId cannot be null");
        Objects.requireNonNull(deviceSecret, "deviceSecret cannot be null");
        this.basicCredential = "Basic "
                + Base64.getEncoder().encodeToString((deviceId + ":" + deviceSecret).getBytes(StandardCharsets.UTF_8));
        this.sessionSource = null;
        this.http = Objects.requireNonNull(http, "http cannot be null");
    }

    /**
     * A client without the device credential: {@link #startSession} asks {@code sessionSource}
     * (the root-owned broker) for the session token. Used by the locked-down {@code reset} account.
     */
    LogonClient(URI server, SessionSource sessionSource, HttpClient http) {
        this.server = Objects.requireNonNull(server, "server cannot be null");
        this.basicCredential = null;
        this.sessionSource = Objects.requireNonNull(sessionSource, "sessionSource cannot be null");
        this.http = Objects.requireNonNull(http, "http cannot be null");
    }

    /** Where a client without the device credential gets its logon session token. */
    @FunctionalInterface
    interface SessionSource {
        /** A fresh session token; throws {@link ServerProblem} or {@link Unreachable} for the user. */
        String sessionToken();
    }

    /** A new logon session as the server issued it. */
    record Session(String sessionToken, String expiresAt) {
        @Override
        public String toString() {
            return "Session[expiresAt=" + expiresAt + "]";
        }
    }

    /** The HTTP client of the agent: the machine's proxy, TLS 1.3 and 1.2 only, no redirects. */
    static HttpClient httpClient() {
        SSLParameters tls = new SSLParameters();
        tls.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        try {
            return HttpClient.newBuilder()
                    .proxy(ProxySelector.getDefault())
                    .sslContext(SSLContext.getDefault())
                    .sslParameters(tls)
                    .connectTimeout(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no TLS", e);
        }
    }

    /**
     * The server's base URL, checked: {@code https://}, or {@code http://} to a loopback address
     * (written as {@code localhost}, {@code 127.x.x.x} or {@code [::1]}). Throws
     * IllegalArgumentException with a message for the user otherwise.
     */
    static URI serverUri(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The server address '" + url + "' is not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty() || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("The server address '" + url + "' must start with https://.");
        }
        if (scheme.equals("http") && !isLoopback(host)) {
            throw new IllegalArgumentException("Refusing plain http:// to " + host
                    + ": the reset service must be reached over https:// (plain http only to this machine).");
        }
        String base = uri.toString();
        return URI.create(base.endsWith("/") ? base : base + "/");
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.matches("127(\\.\\d{1,3}){3}") || host.equals("[::1]");
    }

    /** Starts a logon session with the device credential and keeps its token in memory. */
    void startSession() {
        this.sessionToken = sessionSource != null
                ? sessionSource.sessionToken()
                : newSession().sessionToken();
        if (sessionToken == null || sessionToken.isBlank()) {
            throw new ServerProblem(
                    200, "bad-answer", "The reset service gave an answer this agent does not understand.", List.of());
        }
    }

    /** Creates a logon session with the device credential and returns it (the broker's side). */
    Session newSession() {
        if (basicCredential == null) {
            throw new IllegalStateException("this client has no device credential");
        }
        JsonNode body =
                send(post("api/v1/logon/sessions", JSON.createObjectNode()).header("Authorization", basicCredential));
        String token = body.path("sessionToken").asText(null);
        if (token == null) {
            throw new ServerProblem(
                    200, "bad-answer", "The reset service gave an answer this agent does not understand.", List.of());
        }
        return new Session(token, body.path("expiresAt").asText(""));
    }

    /** Starts the reset flow of the login with the session token (once per session). */
    Flow startFlow(String login) {
        if (sessionToken == null) {
            throw new IllegalStateException("start a logon session first");
        }
        ObjectNode request = JSON.createObjectNode().put("login", login);
        JsonNode body = send(post("api/v1/reset/flows", request).header("Authorization", "Bearer " + sessionToken));
        List<Method> methods = new ArrayList<>();
        for (JsonNode m : body.path("methods")) {
            methods.add(new Method(
                    m.path("id").asText(),
                    m.path("type").asText(),
                    m.path("hint").asText("")));
        }
        List<String> rules = new ArrayList<>();
        for (JsonNode rule : body.path("password").path("rules")) {
            rules.add(rule.asText());
        }
        return new Flow(
                body.path("flowId").asText(), body.path("required").asInt(1), List.copyOf(methods), List.copyOf(rules));
    }

    /** Sends a code (the contact is the full address or number) or fetches questions (then not empty). */
    List<Question> challenge(String flowId, String methodId, String contact) {
        ObjectNode request = JSON.createObjectNode().put("methodId", methodId);
        if (contact != null) {
            request.put("contact", contact);
        }
        JsonNode body = send(post(flowPath(flowId, "challenges"), request));
        List<Question> questions = new ArrayList<>();
        for (JsonNode q : body.path("questions")) {
            questions.add(new Question(q.path("id").asText(), q.path("text").asText()));
        }
        return List.copyOf(questions);
    }

    /** Verifies a code; returns how many verifications remain. */
    int verifyCode(String flowId, String methodId, String code) {
        ObjectNode request = JSON.createObjectNode().put("methodId", methodId).put("code", code);
        return send(post(flowPath(flowId, "verifications"), request))
                .path("remaining")
                .asInt();
    }

    /** Verifies the answers to security questions; returns how many verifications remain. */
    int verifyAnswers(String flowId, String methodId, List<Answer> answers) {
        ObjectNode request = JSON.createObjectNode().put("methodId", methodId);
        answers.forEach(
                a -> request.withArray("answers").addObject().put("id", a.id()).put("answer", a.answer()));
        return send(post(flowPath(flowId, "verifications"), request))
                .path("remaining")
                .asInt();
    }

    /** Sets the new password. The request body is written from the char array and wiped after sending. */
    void setPassword(String flowId, char[] newPassword) {
        byte[] body = passwordBody(newPassword);
        try {
            send(HttpRequest.newBuilder(server.resolve(flowPath(flowId, "password")))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, application/problem+json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        } finally {
            Arrays.fill(body, (byte) 0);
        }
    }

    /**
     * Asks what the password step would say to {@code newPassword} without setting it (the server's
     * own policy, the user's names and history included). The request body is written from the char
     * array and wiped after sending. Throws {@link ServerProblem} when the server gives no verdict
     * (a server without the check, a spent budget, an expired flow): the password step still decides.
     */
    Check checkPassword(String flowId, char[] newPassword) {
        byte[] body = passwordBody(newPassword);
        try {
            JsonNode answer = send(HttpRequest.newBuilder(server.resolve(flowPath(flowId, "password/check")))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, application/problem+json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
            if (!answer.path("accepted").isBoolean()) {
                throw new ServerProblem(
                        200,
                        "bad-answer",
                        "The reset service gave an answer this agent does not understand.",
                        List.of());
            }
            List<String> violations = new ArrayList<>();
            for (JsonNode v : answer.path("violations")) {
                violations.add(v.path("message").asText(v.path("code").asText()));
            }
            return new Check(
                    answer.path("accepted").asBoolean(),
                    List.copyOf(violations),
                    answer.path("strength").asInt(0));
        } finally {
            Arrays.fill(body, (byte) 0);
        }
    }

    /** Unlocks the account without a new password, where the policy allows it. */
    void unlock(String flowId) {
        send(post(flowPath(flowId, "unlock"), JSON.createObjectNode()));
    }

    private static byte[] passwordBody(char[] password) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.getFactory().createGenerator(bytes)) {
            json.writeStartObject();
            json.writeFieldName("newPassword");
            json.writeString(password, 0, password.length);
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON to memory", e);
        }
        return bytes.toByteArray();
    }

    private static String flowPath(String flowId, String step) {
        return "api/v1/reset/flows/" + java.net.URLEncoder.encode(flowId, StandardCharsets.UTF_8) + "/" + step;
    }

    private HttpRequest.Builder post(String path, JsonNode body) {
        return HttpRequest.newBuilder(server.resolve(path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (SSLException e) {
            throw new Unreachable(TLS_FAILED, e);
        } catch (IOException e) {
            throw new Unreachable(UNREACHABLE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable(UNREACHABLE, e);
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() / 100 == 2) {
            return body;
        }
        throw ServerProblem.of(response.statusCode(), body);
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    /** {@code passwordRules}: the server's password policy in sentences; empty from a server that sends none. */
    record Flow(String flowId, int required, List<Method> methods, List<String> passwordRules) {}

    /** The server's verdict on a password before it is set: the violations the password step would report. */
    record Check(boolean accepted, List<String> violations, int strength) {}

    record Method(String id, String type, String hint) {}

    record Question(String id, String text) {}

    record Answer(String id, String answer) {}

    /** The server answered with an error (RFC 9457 problem details): {@code detail} is for the user. */
    static final class ServerProblem extends RuntimeException {

        private final int status;
        private final String type;
        private final List<String> violations;

        ServerProblem(int status, String type, String detail, List<String> violations) {
            super(detail);
            this.status = status;
            this.type = type;
            this.violations = violations;
        }

        static ServerProblem of(int status, JsonNode problem) {
            String typeUri = problem.path("type").asText("");
            String type = typeUri.isEmpty() || typeUri.equals("about:blank")
                    ? "http-" + status
                    : typeUri.substring(typeUri.lastIndexOf('/') + 1);
            String detail = problem.path("detail").asText("");
            if (detail.isBlank()) {
                detail = status == 401
                        ? "This device is not accepted by the reset service (it may have been disabled or removed)."
                        : "The reset service answered with an error (HTTP " + status + ").";
            }
            List<String> violations = new ArrayList<>();
            for (JsonNode v : problem.path("violations")) {
                violations.add(v.path("message").asText(v.path("code").asText()));
            }
            return new ServerProblem(status, type, detail, List.copyOf(violations));
        }

        int status() {
            return status;
        }

        /** The last segment of the problem type ({@code code-invalid}), or {@code http-<status>}. */
        String type() {
            return type;
        }

        String detail() {
            return getMessage();
        }

        List<String> violations() {
            return violations;
        }
    }

    /** The server could not be reached (network, proxy, DNS, TLS): the message is for the user. */
    static final class Unreachable extends RuntimeException {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
