package org.opensspr.agent.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import org.opensspr.agent.AgentException;
import org.opensspr.agent.AgentLog;
import org.opensspr.agent.ExitCode;
import org.opensspr.agent.Json;
import org.opensspr.agent.device.DeviceCredential;

/**
 * The agent's one client of the server's REST API v1, for every command: the device API
 * ({@code /api/v1/devices...}, the device credential) and logon sessions
 * ({@code /api/v1/logon/sessions}) here, the reset flow the sign-in screen runs with one in
 * {@link ResetFlowClient}, over this class's wire.
 *
 * <p>One set of rules for all of them: HTTPS with TLS 1.2 or 1.3 only, the JVM's trust store and
 * host-name checks, the machine's proxy ({@link ProxySelector#getDefault()}: {@code https.proxyHost},
 * or {@code -Djava.net.useSystemProxies=true}), no redirects; plain {@code http://} only to this
 * machine ({@link #serverUri}). Logs method, path and status, never a body, a token or a secret.
 * Every failure is an {@link AgentException} with {@link ExitCode#SERVER}: unreachable (network,
 * proxy, DNS, TLS, timeout, an answer it cannot read) or refused (the server's
 * {@link AgentException.Problem}).
 */
public final class ServerClient {

    /** For the person at the sign-in screen when the server cannot be reached. */
    public static final String UNREACHABLE =
            "The reset service cannot be reached. Check the network cable or Wi-Fi, or ask your helpdesk.";
    /** For the person at the sign-in screen when no TLS 1.2+ connection with a trusted certificate can be made. */
    public static final String TLS_FAILED =
            "A secure connection to the reset service could not be made (TLS 1.2 or newer "
                    + "with a trusted certificate is required). Ask your helpdesk.";
    /** For the person at the sign-in screen when the server gives an answer the agent cannot read. */
    public static final String BAD_ANSWER = "The reset service gave an answer this agent does not understand.";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    static final ObjectMapper JSON = new ObjectMapper();

    private final URI server;
    private final HttpClient http;

    /** A client of {@code server} (checked by {@link #serverUri}) over {@code http} ({@link #httpClient()}). */
    public ServerClient(URI server, HttpClient http) {
        this.server = Objects.requireNonNull(server, "server cannot be null");
        this.http = Objects.requireNonNull(http, "http cannot be null");
    }

    /** The agent's HTTP client: the machine's proxy, TLS 1.3 and 1.2 only, a connect timeout, no redirects. */
    public static HttpClient httpClient() {
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
     * The server's base URL from what an admin typed or a file holds: {@code https://host[:port][/path]},
     * or {@code http://} to this machine (localhost, 127.0.0.0/8, ::1). Anything else is refused
     * with {@link ExitCode#USAGE} before any connection is made.
     */
    public static URI serverUri(String text) {
        String given = text == null ? "" : text.strip();
        URI uri;
        try {
            uri = new URI(given);
        } catch (URISyntaxException e) {
            throw new AgentException(ExitCode.USAGE, "The server address '" + given + "' is not a URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new AgentException(
                    ExitCode.USAGE,
                    "The server address '" + given
                            + "' must be an https:// URL with a host name, like https://sspr.example.org.");
        }
        if (scheme.equals("http") && !loopback(uri.getHost())) {
            throw new AgentException(
                    ExitCode.USAGE,
                    "Refusing plain http:// to " + uri.getHost()
                            + ": the reset service must be reached over https:// (plain http only to this machine).");
        }
        if (uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null) {
            throw new AgentException(
                    ExitCode.USAGE, "The server address '" + given + "' must hold only scheme, host, port and path.");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }

    static boolean loopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!IPV4.matcher(h).matches() && !h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public URI server() {
        return server;
    }

    // ---- the device API ----

    /** {@code POST /api/v1/devices}: joins with {@code joinToken}; answers the new credential. */
    public DeviceCredential join(String joinToken, String name, String os, String osVersion) {
        ObjectNode body = JSON.createObjectNode()
                .put("joinToken", joinToken)
                .put("name", name)
                .put("os", os)
                .put("osVersion", osVersion);
        JsonNode answer = send(request("/api/v1/devices").POST(json(body)));
        String id = answer.path("deviceId").asText(null);
        String secret = answer.path("deviceSecret").asText(null);
        if (id == null || secret == null) {
            throw badAnswer("the answer to the join holds no deviceId and deviceSecret");
        }
        AgentLog.secret(secret);
        return new DeviceCredential(server, id, secret);
    }

    /** {@code DELETE /api/v1/devices/self}: the device leaves; its record and credential are gone on the server. */
    public void leave(DeviceCredential device) {
        send(request("/api/v1/devices/self")
                .header("Authorization", basic(device))
                .DELETE());
    }

    /** {@code GET /api/v1/devices/self/configuration}: the effective configuration as JSON text. */
    public String configuration(DeviceCredential device) {
        HttpResponse<String> response = exchange(request("/api/v1/devices/self/configuration")
                .header("Authorization", basic(device))
                .GET());
        if (!(parse(response.body()) instanceof ObjectNode)) {
            throw badAnswer("the configuration is not a JSON object");
        }
        return response.body();
    }

    /** {@code PUT /api/v1/devices/self/inventory}: the server's verdict {ready, findings}. */
    public Map<String, Object> inventory(DeviceCredential device, Map<String, Object> inventory) {
        HttpResponse<String> response = exchange(request("/api/v1/devices/self/inventory")
                .header("Authorization", basic(device))
                .PUT(HttpRequest.BodyPublishers.ofString(Json.write(inventory), StandardCharsets.UTF_8)));
        try {
            if (Json.parse(response.body()) instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> verdict = (Map<String, Object>) map;
                return verdict;
            }
        } catch (IllegalArgumentException e) {
            throw badAnswer("the verdict is not valid JSON (" + e.getMessage() + ")");
        }
        throw badAnswer("the verdict is not a JSON object");
    }

    /** {@code POST /api/v1/logon/sessions}: a logon session made with the device credential. */
    public LogonSession newLogonSession(DeviceCredential device) {
        JsonNode body = send(request("/api/v1/logon/sessions")
                .header("Authorization", basic(device))
                .POST(json(JSON.createObjectNode())));
        String token = body.path("sessionToken").asText(null);
        if (token == null || token.isBlank()) {
            throw badAnswer("the logon session holds no sessionToken");
        }
        return new LogonSession(token, body.path("expiresAt").asText(""));
    }

    // ---- the wire ----

    private static String basic(DeviceCredential device) {
        String pair = device.deviceId() + ":" + device.deviceSecret();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    static HttpRequest.BodyPublisher json(JsonNode body) {
        return HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(server + path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json");
    }

    JsonNode send(HttpRequest.Builder builder) {
        return parse(exchange(builder).body());
    }

    /** Sends the request; a 2xx answer is returned, anything else thrown as the one error type. */
    private HttpResponse<String> exchange(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        String what = request.method() + " " + request.uri();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (SSLException e) {
            AgentLog.LOG.fine(() -> what + ": TLS failed: " + e);
            throw AgentException.unreachable(
                    "no trusted TLS 1.2+ connection to " + server + ": " + e.getMessage(), TLS_FAILED, e);
        } catch (HttpConnectTimeoutException e) {
            AgentLog.LOG.fine(() -> what + ": cannot connect: " + e);
            throw AgentException.unreachable(
                    "cannot reach the server at " + server + " (" + reason(e) + ")", UNREACHABLE, e);
        } catch (HttpTimeoutException e) {
            throw AgentException.unreachable(
                    "the server at " + server + " did not answer within " + TIMEOUT.toSeconds() + " s", UNREACHABLE, e);
        } catch (IOException e) {
            AgentLog.LOG.fine(() -> what + ": failed: " + e);
            throw AgentException.unreachable(
                    "cannot reach the server at " + server + " (" + reason(e) + ")", UNREACHABLE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AgentException.unreachable("interrupted while talking to " + server, UNREACHABLE, e);
        }
        AgentLog.LOG.fine(() -> what + " -> " + response.statusCode());
        if (response.statusCode() / 100 == 2) {
            return response;
        }
        JsonNode body = parse(response.body());
        AgentException.Problem problem = problem(response.statusCode(), body);
        throw AgentException.refused(
                "the server refused " + request.method() + " " + request.uri().getPath() + ": HTTP "
                        + problem.status() + " " + body.path("title").asText(problem.type()) + ": "
                        + problem.detail(),
                problem);
    }

    /** The RFC 9457 problem of a refusal; a body that is not one still gives the status. */
    static AgentException.Problem problem(int status, JsonNode problem) {
        String typeUri = problem.path("type").asText("");
        String type = typeUri.isEmpty() || typeUri.equals("about:blank")
                ? "http-" + status
                : typeUri.substring(typeUri.lastIndexOf('/') + 1);
        String detail = problem.path("detail").asText("");
        if (detail.isBlank()) {
            detail = "The reset service answered with an error (HTTP " + status + ").";
        }
        return new AgentException.Problem(status, type, detail, violations(problem));
    }

    static List<String> violations(JsonNode body) {
        List<String> violations = new ArrayList<>();
        for (JsonNode v : body.path("violations")) {
            violations.add(v.path("message").asText(v.path("code").asText()));
        }
        return List.copyOf(violations);
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

    AgentException badAnswer(String what) {
        return AgentException.unreachable(
                "the server at " + server + " gave an answer the agent does not understand: " + what, BAD_ANSWER, null);
    }

    private static String reason(Exception e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** A logon session: the sign-in screen's temporary identity, for one reset flow. */
    public record LogonSession(String sessionToken, String expiresAt) {
        @Override
        public String toString() {
            return "LogonSession[expiresAt=" + expiresAt + "]";
        }
    }
}
