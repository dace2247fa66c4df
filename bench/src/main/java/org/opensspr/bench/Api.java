package org.opensspr.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The server's HTTP API as the driver calls it: HTTP/1.1, a bounded time for every request
 * (connect and answer), and every failure turned into a {@link Failure} of a countable kind, so
 * an overloaded server costs the driver at most the timeout per request and never a hang.
 */
final class Api implements AutoCloseable {

    private final HttpClient client;
    private final ExecutorService executor;
    private final URI base;
    private final Duration timeout;

    Api(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "load-http");
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(Math.min(5, Math.max(1, timeout.toSeconds()))))
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    /** An answer; {@code headers} are empty for answers made up by tests. */
    record Response(int status, String body, HttpHeaders headers) {

        Response(int status, String body) {
            this(status, body, HttpHeaders.of(java.util.Map.of(), (name, value) -> true));
        }

        /** The first value of header {@code name}, or null. */
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    Response get(String path, String authorization) throws Failure {
        return send("GET", path, null, authorization);
    }

    Response post(String path, String json, String authorization) throws Failure {
        return send("POST", path, json, authorization);
    }

    Response put(String path, String json, String authorization) throws Failure {
        return send("PUT", path, json, authorization);
    }

    /** The answer if its status is {@code expected}; otherwise a failure of kind {@code http-<status>}. */
    static Response expect(Response response, int expected) throws Failure {
        if (response.status() != expected) {
            throw new Failure("http-" + response.status(), abbreviate(response.body()));
        }
        return response;
    }

    /** Sends one request and reads the whole answer within the timeout. */
    Response send(String method, String path, String json, String authorization) throws Failure {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<String> response =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (HttpConnectTimeoutException e) {
            throw new Failure("connect-timeout", e.getMessage());
        } catch (HttpTimeoutException e) {
            throw new Failure("timeout", e.getMessage());
        } catch (ConnectException e) {
            throw new Failure("connect-refused", e.getMessage());
        } catch (IOException e) {
            Throwable cause = e.getCause() instanceof ConnectException ? e.getCause() : e;
            if (cause instanceof ConnectException) {
                throw new Failure("connect-refused", cause.getMessage());
            }
            throw new Failure("io:" + e.getClass().getSimpleName(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted", "interrupted");
        }
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
