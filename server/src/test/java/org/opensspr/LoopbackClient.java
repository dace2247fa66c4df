package org.opensspr;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * An HTTP client that connects from a loopback address of its choice (say 127.0.0.9), so a test
 * can be a client that is not the trusted proxy at 127.0.0.1; Java 17's HttpClient cannot pick
 * its local address. HTTP/1.0 over one socket per request: the answer is whatever comes until
 * the server closes it.
 */
public final class LoopbackClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final String from;
    private final int port;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public LoopbackClient(String from, int port) {
        this.from = from;
        this.port = port;
    }

    /** A client that also sends {@code name: value} on every request. */
    public LoopbackClient header(String name, String value) {
        LoopbackClient client = new LoopbackClient(from, port);
        client.headers.putAll(headers);
        client.headers.put(name, value);
        return client;
    }

    public Http.Response post(String path, Object body) {
        byte[] json = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        String answer = exchange("POST " + path, "Content-Type: application/json\r\n", json);
        int status = Integer.parseInt(answer.substring(answer.indexOf(' ') + 1, answer.indexOf(' ') + 4));
        int bodyAt = answer.indexOf("\r\n\r\n");
        return new Http.Response(
                status,
                "",
                bodyAt < 0 ? "" : answer.substring(bodyAt + 4),
                java.net.http.HttpHeaders.of(Map.of(), (name, value) -> true));
    }

    /** The whole answer to a GET, status line and headers included. */
    public String getRaw(String path) {
        return exchange("GET " + path, "", new byte[0]);
    }

    private String exchange(String requestLine, String contentType, byte[] body) {
        StringBuilder request = new StringBuilder(requestLine)
                .append(" HTTP/1.0\r\nHost: 127.0.0.1:")
                .append(port)
                .append("\r\n")
                .append(contentType)
                .append("Content-Length: ")
                .append(body.length)
                .append("\r\n");
        headers.forEach(
                (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
