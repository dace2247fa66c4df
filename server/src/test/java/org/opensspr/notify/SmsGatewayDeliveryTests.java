package org.opensspr.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The SMS gateway delivery against a real HTTP server (the JDK's) on 127.0.0.1, and its properties. */
class SmsGatewayDeliveryTests {

    private static final String NUMBER = "+31612345678";
    private static final String TEXT = "Code \"12345678\"\nGeldig 5 min – één keer\tback\\slash";
    private static final Message SMS = Message.sms(Message.Kind.RESET_CODE, NUMBER, TEXT);

    private record Request(String method, String path, Headers headers, String body) {}

    /** What the gateway answers; may block. */
    private interface Answer {
        void answer(HttpExchange exchange, String requestBody) throws Exception;
    }

    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private volatile Answer answer = (exchange, body) -> respond(exchange, 202, "{\"id\":\"m-1\"}");
    private HttpServer server;
    private String url;

    @BeforeEach
    void startGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                requests.add(new Request(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().toString(),
                        exchange.getRequestHeaders(),
                        body));
                answer.answer(exchange, body);
            } catch (Exception e) {
                exchange.close();
            }
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/send?key=secret";
    }

    @AfterEach
    void stopGateway() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Test
    void theDefaultJsonTemplateArrivesAsJsonThatParsesBackToTheSameStrings() throws Exception {
        delivery().deliver(1, SMS);
        Request request = request();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/send?key=secret");
        assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/json");
        JsonNode json = JsonMapper.builder().build().readTree(request.body());
        assertThat(json.get("to").asString()).isEqualTo(NUMBER);
        assertThat(json.get("text").asString()).isEqualTo(TEXT);
        assertThat(json.size()).isEqualTo(2);
    }

    @Test
    void controlCharactersAreEscapedInJson() throws Exception {
        String text = "bell\u0007 nul\u0000 cr\r ff\f bs\b unit\u001f del\u007f";
        delivery().deliver(2, Message.sms(Message.Kind.RESET_CODE, NUMBER, text));
        String body = request().body();
        assertThat(body)
                .contains("\\u0007", "\\u0000", "\\r", "\\f", "\\b", "\\u001f")
                .doesNotContain("\u0007", "\u0000");
        assertThat(JsonMapper.builder().build().readTree(body).get("text").asString())
                .isEqualTo(text);
    }

    @Test
    void aFormTemplateIsUrlEncodedInUtf8() throws Exception {
        delivery("content-type", "application/x-www-form-urlencoded", "template", "to={to}&body={message}")
                .deliver(3, SMS);
        Request request = request();
        assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(request.body())
                .startsWith("to=%2B31612345678&body=Code+%2212345678%22%0AGeldig+5+min+%E2%80%93+%C3%A9%C3%A9n")
                .doesNotContain(" ", "\n", "\"");
        Map<String, String> form = Arrays.stream(request.body().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
        assertThat(form).containsExactlyInAnyOrderEntriesOf(Map.of("to", NUMBER, "body", TEXT));
    }

    @Test
    void textPlainIsSentAsIsInUtf8() throws Exception {
        delivery("content-type", "text/plain", "template", "{to}: {message}").deliver(4, SMS);
        Request request = request();
        assertThat(request.headers().getFirst("Content-Type")).isEqualTo("text/plain; charset=UTF-8");
        assertThat(request.body()).isEqualTo(NUMBER + ": " + TEXT);
    }

    @Test
    void aPlaceholderInsideTheMessageIsNotFilledInAgain() throws Exception {
        delivery("content-type", "text/plain", "template", "{message}|{to}")
                .deliver(5, Message.sms(Message.Kind.RESET_CODE, NUMBER, "literal {to} and {message}"));
        assertThat(request().body()).isEqualTo("literal {to} and {message}|" + NUMBER);
    }

    @Test
    void configuredHeadersAreSent() throws Exception {
        delivery("headers.Authorization", "Bearer xyz", "headers.X-Api-Key", "k-1")
                .deliver(6, SMS);
        Headers headers = request().headers();
        assertThat(headers.getFirst("Authorization")).isEqualTo("Bearer xyz");
        assertThat(headers.getFirst("X-Api-Key")).isEqualTo("k-1");
    }

    @Test
    void putIsUsedWhenConfigured() throws Exception {
        delivery("method", "put").deliver(7, SMS);
        Request request = request();
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(JsonMapper.builder()
                        .build()
                        .readTree(request.body())
                        .get("text")
                        .asString())
                .isEqualTo(TEXT);
    }

    @Test
    void a500AnswerThrowsWithTheStatusButNeitherTheTextNorTheNumber() {
        answer = (exchange, body) -> respond(exchange, 500, "internal error; you sent " + body + " to " + NUMBER);
        assertThatThrownBy(() -> delivery().deliver(8, SMS))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("SMS gateway http://127.0.0.1:"
                        + server.getAddress().getPort() + " answered 500: internal error")
                .message()
                .doesNotContain("12345678", NUMBER, "31612345678", "Geldig", "secret", "/send");
    }

    @Test
    void a429AnswerThrowsWithTheStatusAndTheStartOfTheAnswer() {
        answer = (exchange, body) -> respond(exchange, 429, "Too many requests\nslow down " + "x".repeat(1000));
        assertThatThrownBy(() -> delivery().deliver(9, SMS))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(" answered 429: Too many requests slow down xxx")
                .satisfies(e -> assertThat(
                                e.getMessage().substring(e.getMessage().indexOf(": ") + 2))
                        .hasSize(SmsGatewayDelivery.EXCERPT_CHARS))
                .message()
                .doesNotContain("12345678", NUMBER, "Geldig");
    }

    @Test
    void aRedirectIsNotFollowed() {
        answer = (exchange, body) -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:1/elsewhere");
            respond(exchange, 302, "");
        };
        assertThatThrownBy(() -> delivery().deliver(10, SMS))
                .isInstanceOf(IOException.class)
                .hasMessageEndingWith(" answered 302");
        assertThat(requests).hasSize(1);
    }

    @Test
    void aGatewayThatDoesNotAnswerWithinTheTimeoutThrows() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        answer = (exchange, body) -> {
            release.await(30, TimeUnit.SECONDS);
            respond(exchange, 200, "late");
        };
        try {
            SmsGatewayDelivery delivery = delivery("timeout", "300ms");
            long start = System.nanoTime();
            assertThatThrownBy(() -> delivery.deliver(11, SMS))
                    .isInstanceOf(IOException.class)
                    .hasMessageEndingWith(" gave no answer within 300 ms")
                    .message()
                    .doesNotContain("12345678", NUMBER);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        } finally {
            release.countDown();
        }
    }

    @Test
    void aGatewayThatIsDownThrowsWithoutTheTextOrTheNumber() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        SmsGatewayDelivery delivery = new SmsGatewayDelivery(
                properties(Map.of("gateway-url", "http://127.0.0.1:" + closedPort + "/send?key=secret")));
        assertThatThrownBy(() -> delivery.deliver(12, SMS))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(" could not be reached")
                .message()
                .doesNotContain("12345678", NUMBER, "secret");
    }

    @Test
    void describeNamesOnlySchemeHostAndPort() {
        assertThat(delivery().describe())
                .isEqualTo("http://127.0.0.1:" + server.getAddress().getPort());
        assertThat(new SmsGatewayDelivery(
                                properties(Map.of("gateway-url", "https://SMS.example.org/v1/send?api_key=k")))
                        .describe())
                .isEqualTo("https://sms.example.org");
    }

    @Test
    void propertiesHaveDefaults() {
        SmsGatewayProperties defaults = properties(Map.of());
        assertThat(defaults.gatewayUrl()).isNull();
        assertThat(defaults.template()).isEqualTo("{\"to\":\"{to}\",\"text\":\"{message}\"}");
        assertThat(defaults.contentType()).isEqualTo("application/json");
        assertThat(defaults.headers()).isEmpty();
        assertThat(defaults.method()).isEqualTo(SmsGatewayProperties.Method.POST);
        assertThat(defaults.timeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void propertiesBindFromRelaxedNames() {
        SmsGatewayProperties bound = properties(Map.of(
                "gateway-url",
                "https://sms.example.org/send",
                "content-type",
                "Text/Plain",
                "template",
                "{to} {message}",
                "headers.Authorization",
                "Bearer xyz",
                "method",
                "put",
                "timeout",
                "5s"));
        assertThat(bound.gatewayUrl()).hasToString("https://sms.example.org/send");
        assertThat(bound.contentType()).isEqualTo("text/plain");
        assertThat(bound.headers()).containsExactly(Map.entry("Authorization", "Bearer xyz"));
        assertThat(bound.method()).isEqualTo(SmsGatewayProperties.Method.PUT);
        assertThat(bound.timeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aGatewayUrlThatIsNotHttpIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties(Map.of("gateway-url", "ftp://sms.example.org/")))
                .withMessageContaining("sspr.sms.gateway-url")
                .withMessageContaining("ftp");
    }

    @Test
    void plainHttpToAnotherHostIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties(Map.of("gateway-url", "http://example.org/send?key=k")))
                .withMessageContaining("https://")
                .withMessageContaining("http://example.org")
                .withMessageNotContaining("key=k");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties(Map.of("gateway-url", "http://10.0.0.1/send")));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties(Map.of("gateway-url", "http://127.0.0.1.example.org/")));
    }

    @Test
    void plainHttpToLoopbackAndHttpsAnywhereAreAllowed() {
        for (String allowed : new String[] {
            "http://127.0.0.1:8081/send",
            "http://localhost/",
            "http://[::1]:9000/",
            "https://example.org",
            "HTTPS://example.org:8443/send?key=k"
        }) {
            assertThat(properties(Map.of("gateway-url", allowed)).gatewayUrl()).hasToString(allowed);
        }
    }

    @Test
    void credentialsInTheGatewayUrlAreRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties(Map.of("gateway-url", "https://user:pw@example.org/")))
                .withMessageContaining("sspr.sms.headers")
                .withMessageNotContaining("pw");
    }

    @Test
    void aTemplateWithoutBothPlaceholdersIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties(Map.of("template", "{\"text\":\"{message}\"}")))
                .withMessageContaining("{to}");
    }

    @Test
    void aJsonTemplateThatIsNotJsonOnceFilledInIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties(Map.of("template", "{\"to\":{to},\"text\":\"{message}\"}")))
                .withMessageContaining("not valid JSON");
    }

    @Test
    void anUnknownContentTypeOrAContentTypeHeaderOrANonPositiveTimeoutIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties(Map.of("content-type", "application/xml")))
                .withMessageContaining("sspr.sms.content-type");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties(Map.of("headers.content-type", "text/xml")))
                .withMessageContaining("sspr.sms.content-type");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties(Map.of("timeout", "0s")))
                .withMessageContaining("sspr.sms.timeout");
    }

    @Test
    void aHeaderTheHttpClientCannotSendIsRefusedAtStart() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> delivery("headers.Host", "example.org"))
                .withMessageContaining("sspr.sms.headers");
    }

    private SmsGatewayDelivery delivery(String... keysAndValues) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("gateway-url", url);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            settings.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new SmsGatewayDelivery(properties(settings));
    }

    /** Binds {@code sspr.sms.*} as the application does; a refused value surfaces as the IllegalArgumentException. */
    private static SmsGatewayProperties properties(Map<String, String> settings) {
        Map<String, String> source = new HashMap<>();
        settings.forEach((key, value) -> source.put("sspr.sms." + key, value));
        try {
            return new Binder(new MapConfigurationPropertySource(source))
                    .bindOrCreate("sspr.sms", SmsGatewayProperties.class);
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause != null && !(cause instanceof IllegalArgumentException)) {
                cause = cause.getCause();
            }
            throw cause == null ? e : (IllegalArgumentException) cause;
        }
    }

    private Request request() throws InterruptedException {
        Request request = requests.poll(5, TimeUnit.SECONDS);
        assertThat(request).as("the gateway got a request").isNotNull();
        return request;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
