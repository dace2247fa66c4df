package org.opensspr.agent;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * The device side of the server's REST API v1 ({@code /api/v1/devices...}). HTTPS with TLS 1.2 or
 * 1.3 only, the JVM's trust store and host-name checks; plain {@code http://} only to a loopback
 * address. Logs method, path and status (never a body, a token or a secret). Every failure is an
 * {@link AgentException}: {@link AgentException#SERVER} when the server cannot be reached or says no.
 */
final class ServerClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final URI server;
    private final HttpClient http;

    ServerClient(URI server) {
        this.server = server;
        this.http = HttpClient.newBuilder()
                .sslParameters(new SSLParameters(null, new String[] {"TLSv1.3", "TLSv1.2"}))
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * The server's base URL from what the user typed: {@code https://host[:port][/path]}, or
     * {@code http://} to a loopback address (127.0.0.0/8, ::1, localhost). Refuses anything else.
     */
    static URI serverUri(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new AgentException(AgentException.USAGE, "--server: not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new AgentException(
                    AgentException.USAGE,
                    "--server must be an https:// URL with a host name, like https://sspr.example.org");
        }
        if (scheme.equals("http") && !loopback(uri.getHost())) {
            throw new AgentException(
                    AgentException.USAGE,
                    "--server: plain http:// is refused except to this machine (localhost); use https://");
        }
        if (uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null) {
            throw new AgentException(AgentException.USAGE, "--server: give only scheme, host, port and path");
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
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

    /** {@code POST /api/v1/devices}: joins with {@code joinToken}; the answer holds deviceId and deviceSecret. */
    Map<String, Object> join(String joinToken, String name, String os, String osVersion) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("joinToken", joinToken);
        body.put("name", name);
        body.put("os", os);
        body.put("osVersion", osVersion);
        return object(send(request("/api/v1/devices", null).POST(body(body)), 201));
    }

    /** {@code GET /api/v1/devices/self/configuration}: the effective configuration as JSON text. */
    String configuration(DeviceCredential device) {
        String json = send(request("/api/v1/devices/self/configuration", device).GET(), 200);
        object(json);
        return json;
    }

    /** {@code PUT /api/v1/devices/self/inventory}: the server's verdict {ready, findings}. */
    Map<String, Object> inventory(DeviceCredential device, Map<String, Object> inventory) {
        return object(send(request("/api/v1/devices/self/inventory", device).PUT(body(inventory)), 200));
    }

    private HttpRequest.Builder request(String path, DeviceCredential device) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server + path))
                .timeout(TIMEOUT)
                .header("Accept", "application/json");
        if (device != null) {
            String basic = device.deviceId() + ":" + device.deviceSecret();
            builder.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private static HttpRequest.BodyPublisher body(Map<String, Object> body) {
        return HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8);
    }

    private String send(HttpRequest.Builder builder, int expected) {
        HttpRequest request = builder.header("Content-Type", "application/json").build();
        String what = request.method() + " " + request.uri();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException | ConnectException e) {
            AgentLog.LOG.fine(() -> what + ": cannot connect: " + e);
            throw new AgentException(
                    AgentException.SERVER, "cannot reach the server at " + server + " (" + reason(e) + ")", e);
        } catch (HttpTimeoutException e) {
            throw new AgentException(
                    AgentException.SERVER,
                    "the server at " + server + " did not answer within " + TIMEOUT.toSeconds() + " s",
                    e);
        } catch (SSLException e) {
            AgentLog.LOG.fine(() -> what + ": TLS failed: " + e);
            throw new AgentException(
                    AgentException.SERVER, "no trusted TLS 1.2+ connection to " + server + ": " + e.getMessage(), e);
        } catch (IOException e) {
            AgentLog.LOG.fine(() -> what + ": failed: " + e);
            throw new AgentException(
                    AgentException.SERVER, "cannot talk to the server at " + server + " (" + reason(e) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentException(AgentException.SERVER, "interrupted while talking to " + server, e);
        }
        AgentLog.LOG.fine(() -> what + " -> " + response.statusCode());
        if (response.statusCode() != expected) {
            throw new AgentException(
                    AgentException.SERVER,
                    "the server refused " + request.method() + " "
                            + request.uri().getPath() + ": " + problem(response));
        }
        return response.body();
    }

    private static String reason(Exception e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The RFC 9457 problem's title and detail, or the status alone. */
    private static String problem(HttpResponse<String> response) {
        String text = "HTTP " + response.statusCode();
        try {
            if (Json.parse(response.body()) instanceof Map<?, ?> problem) {
                Object title = problem.get("title");
                Object detail = problem.get("detail");
                return text + (title == null ? "" : " " + title) + (detail == null ? "" : ": " + detail);
            }
        } catch (IllegalArgumentException e) {
            // not JSON: the status says enough
        }
        return text;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> object(String json) {
        try {
            if (Json.parse(json) instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
        } catch (IllegalArgumentException e) {
            throw new AgentException(
                    AgentException.SERVER,
                    "the server at " + server + " answered with invalid JSON (" + e.getMessage() + ")");
        }
        throw new AgentException(
                AgentException.SERVER, "the server at " + server + " answered with JSON that is not an object");
    }
}
