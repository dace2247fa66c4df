package org.opensspr.notify;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code sspr.sms.*}: the HTTP gateway that sends SMS. With no {@code gateway-url} SMS goes to the
 * outbox folder. The request body is {@code template} with {@code {to}} (the number, E.164) and
 * {@code {message}} (the text) filled in, each escaped for {@code content-type}.
 *
 * <p>Refused at start, with the property named: a URL that is not {@code https://}, or
 * {@code http://} to anything but a loopback address (a code on its way to a phone must not cross
 * the network in clear; the JVM negotiates TLS 1.2 or later), a URL with credentials in it, a
 * template without both placeholders, a JSON template that is not JSON once filled in, an unknown
 * content type, a {@code Content-Type} header (that is {@code content-type}) and a timeout that
 * is not positive. Error messages show the gateway as scheme://host:port only: a query may hold a key.
 */
@ConfigurationProperties("sspr.sms")
record SmsGatewayProperties(
        URI gatewayUrl,
        String template,
        String contentType,
        Map<String, String> headers,
        Method method,
        Duration timeout) {

    static final String JSON = "application/json";
    static final String FORM = "application/x-www-form-urlencoded";
    static final String TEXT = "text/plain";
    static final String DEFAULT_TEMPLATE = "{\"to\":\"{to}\",\"text\":\"{message}\"}";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final Set<String> CONTENT_TYPES = Set.of(JSON, FORM, TEXT);
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** The HTTP methods a gateway may want. */
    enum Method {
        POST,
        PUT
    }

    SmsGatewayProperties {
        gatewayUrl = gatewayUrl == null || gatewayUrl.toString().isBlank() ? null : gatewayUrl;
        template = template == null ? DEFAULT_TEMPLATE : template;
        contentType = contentType == null ? JSON : contentType.strip().toLowerCase(Locale.ROOT);
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        method = method == null ? Method.POST : method;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (gatewayUrl != null) {
            checkGatewayUrl(gatewayUrl);
        }
        if (!CONTENT_TYPES.contains(contentType)) {
            throw new IllegalArgumentException("sspr.sms.content-type must be one of " + JSON + ", " + FORM + ", "
                    + TEXT + "; got " + contentType);
        }
        if (!template.contains("{to}") || !template.contains("{message}")) {
            throw new IllegalArgumentException("sspr.sms.template must contain both {to} and {message}");
        }
        if (JSON.equals(contentType)) {
            checkJson(template);
        }
        for (String name : headers.keySet()) {
            if ("content-type".equals(name.strip().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(
                        "sspr.sms.headers cannot set Content-Type; use sspr.sms.content-type");
            }
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("sspr.sms.timeout must be positive, got " + timeout);
        }
    }

    /** The gateway as {@code scheme://host[:port]}: no path, query or credentials, so it can be logged. */
    String gatewayOrigin() {
        if (gatewayUrl == null) {
            return null;
        }
        return origin(gatewayUrl);
    }

    private static String origin(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost() == null ? "?" : url.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + (url.getPort() == -1 ? "" : ":" + url.getPort());
    }

    private static void checkGatewayUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
            throw new IllegalArgumentException(
                    "sspr.sms.gateway-url must be an https:// URL, got scheme '" + scheme + "'");
        }
        if (url.getHost() == null) {
            throw new IllegalArgumentException(
                    "sspr.sms.gateway-url must name a host (letters, digits, dots and dashes, "
                            + "or an IP address), got " + origin(url));
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    "sspr.sms.gateway-url cannot hold credentials; put them in sspr.sms.headers, "
                            + "e.g. sspr.sms.headers.Authorization");
        }
        if ("http".equals(scheme) && !isLoopback(url.getHost())) {
            throw new IllegalArgumentException(
                    "sspr.sms.gateway-url must use https:// (plain http:// only to a loopback "
                            + "address such as 127.0.0.1 or localhost, e.g. a local relay), got " + origin(url));
        }
    }

    /** A loopback address, decided without DNS: {@code localhost}, 127.0.0.0/8 or {@code [::1]}. */
    private static boolean isLoopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if ("localhost".equals(name)) {
            return true;
        }
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        } else if (!IPV4_LITERAL.matcher(name).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(name).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void checkJson(String template) {
        String sample = template.replace("{to}", "+31600000000").replace("{message}", "sample text");
        try {
            JsonMapper.shared().readTree(sample);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(
                    "sspr.sms.template is not valid JSON once {to} and {message} are filled in "
                            + "(put each placeholder inside a JSON string, e.g. \"{message}\"): "
                            + e.getOriginalMessage());
        }
    }
}
