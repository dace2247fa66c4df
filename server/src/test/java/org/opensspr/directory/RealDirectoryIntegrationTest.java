package org.opensspr.directory;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.opensspr.Http;
import org.opensspr.Mailbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The whole server against a real directory that the subclass starts (its flavour and service
 * account in {@code @TestPropertySource}). Each subclass gets a Spring context of its own, closed
 * after the class: the shared context of the other integration tests runs on the embedded
 * directory. {@link Harness} is the mail server and data dir each subclass starts beside it.
 * Before each test the SSPR and password policies are back at their defaults and the
 * {@link Mailbox} is cleared, so no test depends on what another left behind.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sspr.reset.flow-starts-per-ip=100000",
            "sspr.captcha.difficulty=4",
            "sspr.bootstrap.admin-token=" + RealDirectoryIntegrationTest.ADMIN_TOKEN,
            "sspr.mail.from=OpenSSPR <sspr@sspr.test>"
        })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class RealDirectoryIntegrationTest {

    static final String ADMIN_TOKEN = "real-directory-test-admin-token";

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Autowired
    JdbcClient jdbc;

    /** The mail this test's requests sent: wait for one by recipient and kind. */
    Mailbox mailbox;

    /** The subclass's mail server and data dir. */
    abstract Harness harness();

    @BeforeEach
    void defaultPoliciesAndAnEmptyMailbox() {
        Http admin = http().bearer(ADMIN_TOKEN);
        for (String policy : new String[] {"/api/v1/admin/policy", "/api/v1/admin/password-policy"}) {
            Http.Response restored = admin.put(policy, Map.of());
            if (restored.status() != 200) {
                throw new IllegalStateException("cannot restore the default " + policy + ": " + restored);
            }
        }
        mailbox = new Mailbox(harness().smtp(), harness().dataDir().resolve("outbox"), jdbc);
        mailbox.clear();
    }

    Http http() {
        return new Http("http://127.0.0.1:" + port);
    }

    /** A real SMTP server (GreenMail) and a throwaway data dir for one test class's server. */
    record Harness(GreenMail smtp, Path dataDir) {

        static Harness start(String name) {
            GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            try {
                return new Harness(smtp, Files.createTempDirectory("sspr-" + name + "-it"));
            } catch (IOException e) {
                smtp.stop();
                throw new UncheckedIOException(e);
            }
        }

        /** The directory's URL, the data dir (and its H2 database, named: see ServerIntegrationTest) and the mail server. */
        void register(DynamicPropertyRegistry registry, Supplier<Object> directoryUrl) {
            registry.add("sspr.directory.url", directoryUrl);
            registry.add("sspr.data-dir", dataDir::toString);
            registry.add(
                    "spring.datasource.url",
                    () -> "jdbc:h2:file:" + dataDir.resolve("db/sspr") + ";DB_CLOSE_ON_EXIT=FALSE");
            registry.add("spring.mail.host", () -> "127.0.0.1");
            registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        }
    }
}
