package org.opensspr.notify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMS through an HTTP gateway ({@code sspr.sms.*}). The body is the configured template with
 * {@code {to}} and {@code {message}} filled in one pass, each value escaped for the content type:
 * a JSON string (RFC 8259: quote, backslash and control characters), form URL encoding in UTF-8,
 * or as is for {@code text/plain}. Redirects are not followed.
 *
 * <p>Only a 2xx answer counts as delivered. Any other answer, no answer within the timeout (which
 * bounds the connection and the whole exchange) or a network error throws an {@link IOException},
 * and the dispatcher retries with backoff. The exception message names the gateway as
 * scheme://host:port, the status and at most {@value #EXCERPT_CHARS} characters of the answer, from
 * which the number, the text and any run of six or more digits (codes, numbers) are blanked out: the
 * message text and the phone number are never logged nor put in an exception.
 */
final class SmsGatewayDelivery implements Delivery {

    static final int EXCERPT_CHARS = 200;
    private static final int EXCERPT_BYTES = 4096;
    private static final String REDACTED = "[redacted]";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(to|message)\\}");
    private static final Pattern LONG_DIGITS = Pattern.compile("\\d{6,}");
    private static final Pattern CONTROL_OR_SPACE = Pattern.compile("[\\p{Cntrl}\\s]+");
    private static final Logger log = LoggerFactory.getLogger(SmsGatewayDelivery.class);

    private final SmsGatewayProperties properties;
    private final String gateway;
    private final HttpClient client;

    /** Fails, naming the property, when a configured header cannot be sent (e.g. {@code Host}). */
    SmsGatewayDelivery(SmsGatewayProperties properties) {
        this.properties = Objects.requireNonNull(properties, "properties cannot be null");
        if (properties.gatewayUrl() == null) {
            throw new IllegalArgumentException("sspr.sms.gateway-url is not set");
        }
        this.gateway = properties.gatewayOrigin();
        this.client = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        try {
            request("");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sspr.sms.headers: " + e.getMessage(), e);
        }
    }

    @Override
    public void deliver(long id, Message message) throws Exception {
        String body = fill(properties.template(), properties.contentType(), message.recipient(), message.body());
        Excerpt excerpt = new Excerpt();
        CompletableFuture<HttpResponse<Void>> exchange = client.sendAsync(
                request(body),
                info -> success(info.statusCode())
                        ? HttpResponse.BodySubscribers.discarding()
                        : HttpResponse.BodySubscribers.ofByteArrayConsumer(excerpt));
        HttpResponse<Void> response;
        try {
            response = exchange.get(properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new IOException("SMS gateway " + gateway + " gave no answer within "
                    + properties.timeout().toMillis() + " ms");
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw new IOException(
                        "SMS gateway " + gateway + " gave no answer within "
                                + properties.timeout().toMillis() + " ms",
                        cause);
            }
            String detail = cause.getMessage() == null
                    ? ""
                    : ": " + cause.getMessage().replace(properties.gatewayUrl().toString(), gateway);
            throw new IOException(
                    "SMS gateway " + gateway + " could not be reached ("
                            + cause.getClass().getSimpleName() + detail + ")",
                    cause);
        }
        int status = response.statusCode();
        if (!success(status)) {
            String answer = excerpt.text(List.of(
                    body,
                    message.body(),
                    message.recipient(),
                    escape(message.body(), properties.contentType()),
                    escape(message.recipient(), properties.contentType())));
            throw new IOException(
                    "SMS gateway " + gateway + " answered " + status + (answer.isEmpty() ? "" : ": " + answer));
        }
        log.debug("SMS message {} accepted by the gateway {} ({})", id, gateway, status);
    }

    @Override
    public String describe() {
        return gateway;
    }

    /** The template with {@code {to}} and {@code {message}} replaced in one pass: a value is never filled in again. */
    static String fill(String template, String contentType, String to, String message) {
        Matcher placeholders = PLACEHOLDER.matcher(template);
        return placeholders.replaceAll(match ->
                Matcher.quoteReplacement(escape("to".equals(match.group(1)) ? to : message, contentType)));
    }

    static String escape(String value, String contentType) {
        return switch (contentType) {
            case SmsGatewayProperties.JSON -> jsonString(value);
            case SmsGatewayProperties.FORM -> URLEncoder.encode(value, StandardCharsets.UTF_8);
            default -> value;
        };
    }

    /** The content of a JSON string (RFC 8259, section 7), without the quotes around it. */
    static String jsonString(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private HttpRequest request(String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(properties.gatewayUrl())
                .timeout(properties.timeout())
                .header(
                        "Content-Type",
                        SmsGatewayProperties.TEXT.equals(properties.contentType())
                                ? SmsGatewayProperties.TEXT + "; charset=UTF-8"
                                : properties.contentType())
                .method(properties.method().name(), HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (Map.Entry<String, String> header : properties.headers().entrySet()) {
            builder.header(header.getKey().strip(), header.getValue() == null ? "" : header.getValue());
        }
        return builder.build();
    }

    private static boolean success(int status) {
        return status >= 200 && status < 300;
    }

    /** Keeps the first {@value #EXCERPT_BYTES} bytes of an error answer and drops the rest. */
    private static final class Excerpt implements Consumer<Optional<byte[]>> {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void accept(Optional<byte[]> chunk) {
            chunk.ifPresent(b -> bytes.write(b, 0, Math.min(b.length, EXCERPT_BYTES - bytes.size())));
        }

        /** One line, secrets blanked out, at most {@value #EXCERPT_CHARS} characters. */
        synchronized String text(List<String> secrets) {
            String text = bytes.toString(StandardCharsets.UTF_8);
            for (String secret : secrets) {
                if (!secret.isBlank()) {
                    text = text.replace(secret, REDACTED);
                }
            }
            text = LONG_DIGITS.matcher(text).replaceAll(REDACTED);
            text = CONTROL_OR_SPACE.matcher(text).replaceAll(" ").strip();
            if (text.length() <= EXCERPT_CHARS) {
                return text;
            }
            int end = Character.isHighSurrogate(text.charAt(EXCERPT_CHARS - 1)) ? EXCERPT_CHARS - 1 : EXCERPT_CHARS;
            return text.substring(0, end);
        }
    }
}
