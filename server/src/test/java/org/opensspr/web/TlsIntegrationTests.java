package org.opensspr.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server with TLS on (a self-signed key from keytool): it offers TLS 1.3 and 1.2 with
 * AEAD suites only; a client that offers nothing but a CBC suite, or only TLS 1.1, gets no handshake.
 * Its session cookie is a {@code __Host-} cookie: Secure, HttpOnly, SameSite=Lax, path / and no domain.
 */
class TlsIntegrationTests {

    @TempDir
    static Path dir;

    private static Process server;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        Path keyStore = dir.resolve("tls.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "sspr",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-dname",
                        "CN=127.0.0.1",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keyStore.toString(),
                        "-storepass",
                        "changeit")
                .redirectErrorStream(true)
                .start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue())
                .as(new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();
        String jar =
                Optional.ofNullable(System.getProperty("opensspr.server.jar")).orElse("target/sspr-server.jar");
        assertThat(new File(jar)).as("the packaged server jar").exists();
        port = freePort();
        server = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        jar,
                        "--server.port=" + port,
                        "--server.ssl.key-store=" + keyStore,
                        "--server.ssl.key-store-password=changeit",
                        "--server.ssl.key-store-type=PKCS12",
                        "--sspr.data-dir=" + dir.resolve("data"),
                        "--sspr.directory.embedded.port=" + freePort()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            assertThat(server.isAlive()).as("the server runs: %s", log()).isTrue();
            try {
                handshake("TLSv1.3", "TLS_AES_128_GCM_SHA256");
                return;
            } catch (IOException notYet) {
                assertThat(System.nanoTime())
                        .as("TLS answered within 120 s: %s", log())
                        .isLessThan(deadline);
                Thread.sleep(200);
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void tls13AndTls12WithAeadSuitesAreOffered() throws Exception {
        assertThat(handshake("TLSv1.3", "TLS_AES_256_GCM_SHA384")).isEqualTo("TLS_AES_256_GCM_SHA384");
        assertThat(handshake("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"))
                .isEqualTo("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
    }

    @Test
    void cbcSuitesAndStaticRsaAreRefused() {
        for (String suite : List.of(
                "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
                "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
                "TLS_RSA_WITH_AES_128_GCM_SHA256")) {
            assertThatThrownBy(() -> handshake("TLSv1.2", suite)).as(suite).isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void overTlsTheSessionCookieIsHostOnlySecureHttpOnlyAndSameSiteLax() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new TrustThisTestsCertificate()}, null);
        String head;
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream()
                    .write("GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            head = answer.substring(0, answer.indexOf("\r\n\r\n"));
        }
        List<String> cookies = head.lines()
                .filter(line -> line.regionMatches(true, 0, "Set-Cookie:", 0, 11))
                .toList();
        assertThat(cookies).as(head).anyMatch(c -> c.startsWith("Set-Cookie: __Host-sspr-session="));
        String session = cookies.stream()
                .filter(c -> c.contains("__Host-sspr-session="))
                .findFirst()
                .orElseThrow();
        assertThat(session)
                .contains("; Path=/")
                .contains("; Secure")
                .contains("; HttpOnly")
                .contains("; SameSite=Lax")
                .doesNotContain("Domain=");
    }

    /** A handshake offering only {@code protocol} and {@code suite}; the suite agreed on. */
    private static String handshake(String protocol, String suite) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new TrustThisTestsCertificate()}, null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.setEnabledProtocols(new String[] {protocol});
            socket.setEnabledCipherSuites(new String[] {suite});
            socket.startHandshake();
            return socket.getSession().getCipherSuite();
        }
    }

    private static String log() {
        try {
            return Files.readString(dir.resolve("server.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The server's certificate is the self-signed one made above; what is tested is the handshake's terms. */
    private static final class TrustThisTestsCertificate implements X509TrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            if (chain.length == 0
                    || !chain[0].getSubjectX500Principal().getName().equals("CN=127.0.0.1")) {
                throw new IllegalStateException("not this test's certificate");
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
