package org.opensspr;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.opensspr.captcha.ProofOfWorkSolver;
import org.opensspr.directory.Directory;
import org.opensspr.passwordpolicy.BreachedCorpusWriter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole application on a random port, once per test JVM (every subclass shares the same
 * Spring context): the embedded directory on a free port in a fresh data dir, a real SMTP server
 * (GreenMail) for mail, and a clock the tests move by hand. Mail is delivered as soon as the request
 * that queued it commits: no poll interval is shortened for the tests. Before each test the state
 * tables are emptied (default policy, nothing registered, unthrottled), the demo users get their
 * demo passwords back and the {@link Mailbox} is cleared.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sspr.directory.embedded.port=0",
            "sspr.reset.flow-starts-per-ip=100000",
            // Requests from 127.0.0.1 come "through a proxy": a test that sends X-Forwarded-For picks its client's
            // address. Tests that need a client that is no proxy connect from another loopback address.
            "sspr.trusted-proxy=127.0.0.1, 127.0.2.0/24",
            "sspr.captcha.difficulty=4",
            "sspr.bootstrap.admin-token=" + ServerIntegrationTest.ADMIN_TOKEN,
            "sspr.mail.from=OpenSSPR <sspr@example.org>",
            // The demo users' mobiles are Dutch; a number typed as 06... is read as one of them.
            "sspr.phone.default-region=NL"
        })
@Import(ServerIntegrationTest.TestClock.class)
public abstract class ServerIntegrationTest {

    public static final String ADMIN_TOKEN = "integration-test-admin-token";

    protected static final GreenMail SMTP;
    private static final Path DATA_DIR;
    /** A breached-password corpus of one password, so tests can tell the breached check from the banned terms. */
    public static final String BREACHED_PASSWORD = "Violet-Lighthouse-Keeper-83";

    private static final Path BREACHED;

    static {
        try {
            // A fixed port, so that a test can stop the SMTP server and start it again where the server sends mail.
            SMTP = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            SMTP.start();
            DATA_DIR = Files.createTempDirectory("sspr-it");
            BREACHED = DATA_DIR.resolve("test-breached.bin");
            BreachedCorpusWriter.writePasswords(java.util.List.of(BREACHED_PASSWORD), BREACHED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @DynamicPropertySource
    static void serverProperties(DynamicPropertyRegistry registry) {
        registry.add("sspr.data-dir", DATA_DIR::toString);
        registry.add("sspr.password.breached-file", () -> BREACHED.toString());
        // Dynamic properties arrive after the embedded-database default was computed: name the database too.
        registry.add(
                "spring.datasource.url",
                () -> "jdbc:h2:file:" + DATA_DIR.resolve("db/sspr") + ";DB_CLOSE_ON_EXIT=FALSE");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    /** Sets the SSPR policy through the admin API (the test's state is reset before the next test). */
    protected void policy(Map<String, Object> policy) {
        Http.Response put = admin.put("/api/v1/admin/policy", policy);
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
    }

    /** The data dir of the shared server: its outbox folder holds the SMS messages. */
    protected static Path dataDir() {
        return DATA_DIR;
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    protected Http http;
    protected Http admin;
    /** The mail and SMS this test's requests sent: wait for one by recipient and kind. */
    protected Mailbox mailbox;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected FaultableDirectory directoryLink;

    @BeforeEach
    void clients() {
        directoryLink.heal();
        // The demo users have their demo passwords, whatever an earlier test reset them to.
        for (String login : new String[] {"alice", "bob", "carol", "dirk", "admin"}) {
            directoryLink.resetPassword(directoryLink.findUser(login).orElseThrow(), login + "-demo-2026");
        }
        http = new Http("http://127.0.0.1:" + port);
        admin = http.bearer(ADMIN_TOKEN);
        // Every test starts from the same state: default policy, no registrations or pre-filled contacts
        // (the directory's own mail and mobile count), unthrottled; tests that need more arrange it.
        for (String table : new String[] {
            // Flows of earlier tests, so that a sweep (expired, interrupted) sees only this test's own.
            "reset_verification",
            "reset_challenge",
            "reset_flow",
            "throttle_event",
            "reset_block",
            "registered_method",
            "registration_challenge",
            "contact_info",
            "settings",
            "branding_logo",
            "api_key",
            "password_history",
            "logon_session",
            "device_group",
            "device",
            "device_profile_group",
            "device_profile",
            "join_token",
            "step_up_challenge",
            "step_up_grant",
            "session_epoch",
            "spring_session",
            "support_code",
            "registration_demand"
        }) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        // ...and with the messages of earlier tests delivered and forgotten: each test sees only its own.
        mailbox = new Mailbox(SMTP, DATA_DIR.resolve("outbox"), jdbc);
        mailbox.clear();
    }

    /** Starts a flow as a browser does: with a solved proof-of-work CAPTCHA. */
    protected Http.Response startFlow(String login) {
        return http.post("/api/v1/reset/flows", Map.of("login", login, "captcha", solvedCaptcha(http)));
    }

    public static String solvedCaptcha(Http http) {
        JsonNode challenge = http.get("/api/v1/reset/captcha").json();
        return ProofOfWorkSolver.solve(
                challenge.get("challenge").asString(),
                challenge.get("difficulty").asInt());
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }

        @Bean
        @Primary
        FaultableDirectory faultableDirectory(@Qualifier("directory") Directory real) {
            return new FaultableDirectory(real);
        }
    }
}
