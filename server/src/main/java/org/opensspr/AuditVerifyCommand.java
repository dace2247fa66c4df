package org.opensspr;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.opensspr.audit.AuditAnchors;
import org.opensspr.audit.AuditKey;
import org.opensspr.audit.AuditLog;
import org.opensspr.audit.ChainVerification;
import org.opensspr.secrets.MasterKey;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * {@code sspr-server audit verify [--anchors FILE] [--name=value ...]}: the server's audit check
 * ({@link AuditLog#verify()}, anchors included) from the command line, with the server's own
 * configuration (application properties, {@code SSPR_*} and {@code SPRING_*} environment,
 * {@code --name=value} arguments: the database, {@code sspr.secret-key}, {@code sspr.data-dir}),
 * in a small Spring context of its own: no web server, no directory, no migrations, no background
 * job, nothing written (an embedded H2 file that does not exist is not created, a missing secret
 * key is not either). {@code --anchors FILE} checks another anchor file instead of
 * {@code <data-dir>/audit/anchors}, such as the {@code Audit anchor:} lines of the server's log.
 * Prints one line; exit codes: 0 intact, 1 broken, 2 usage or configuration error (no database,
 * no key). With the embedded H2 database, stop the server first (H2 allows one process).
 */
public final class AuditVerifyCommand {

    /** The first command-line argument that selects this command instead of the server. */
    public static final String NAME = "audit";

    static final String USAGE =
            "usage: sspr-server audit verify [--anchors FILE] [--sspr.data-dir=DIR] [--name=value ...]";

    private AuditVerifyCommand() {}

    /** Runs the command with the arguments after {@link #NAME} and exits the JVM with its exit code. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> springArgs = new ArrayList<>();
        String anchors = null;
        try {
            if (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help"))) {
                out.println(USAGE);
                return 0;
            }
            if (args.length == 0 || !args[0].equals("verify")) {
                throw new IllegalArgumentException(args.length == 0 ? "name a command" : "unknown command " + args[0]);
            }
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("-h") || arg.equals("--help")) {
                    out.println(USAGE);
                    return 0;
                } else if (arg.equals("--anchors")) {
                    if (i + 1 >= args.length || args[i + 1].isEmpty()) {
                        throw new IllegalArgumentException("--anchors needs a file");
                    }
                    anchors = args[++i];
                } else if (arg.startsWith("--anchors=") && arg.length() > "--anchors=".length()) {
                    anchors = arg.substring("--anchors=".length());
                } else if (arg.startsWith("--") && arg.indexOf('=') > 2) {
                    springArgs.add(arg);
                } else {
                    throw new IllegalArgumentException("unexpected argument " + arg);
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("audit: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        ChainVerification verified;
        String otherAnchors = anchors;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(VerifyContext.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                // The one line below is the answer; --logging.level.root=DEBUG shows what happens.
                .properties(Map.of("logging.level.root", "OFF"))
                .initializers(starting ->
                        starting.getBeanFactory().registerSingleton("otherAnchors", new OtherAnchors(otherAnchors)))
                .run(springArgs.toArray(String[]::new))) {
            verified = context.getBean(AuditLog.class).verify();
        } catch (RuntimeException e) {
            err.println("audit verify: cannot read the audit log: " + rootCause(e));
            return 2;
        }
        if (verified.intact()) {
            out.printf(
                    Locale.ROOT,
                    "audit log intact: %d events checked, %d sealed, %d not sealed yet, %d anchors%s%n",
                    verified.checked(),
                    verified.sealed(),
                    verified.unsealed(),
                    verified.anchors(),
                    verified.warning() == null ? "" : "; warning: " + verified.warning());
            return 0;
        }
        out.printf(
                Locale.ROOT,
                "audit log BROKEN at %s: %s%n",
                verified.firstBrokenId() == null ? "the end of the chain" : "event " + verified.firstBrokenId(),
                verified.problem());
        return 1;
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null
                ? cause.getClass().getName()
                : message.lines().findFirst().orElse(message);
    }

    /** {@code --anchors}: the anchor file to check instead of the data dir's; null for that one. */
    record OtherAnchors(String file) {}

    /**
     * The audit log as the server builds it, and only what it needs. Not a {@code @Configuration}:
     * the server's component scan must not find it (it is a primary source of this command only).
     */
    @EnableConfigurationProperties(DataSourceProperties.class)
    @ComponentScan(
            basePackageClasses = AuditLog.class,
            useDefaultFilters = false,
            includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = AuditLog.class))
    static class VerifyContext {

        /** The server's database; an H2 database that does not exist yet is not created. */
        @Bean
        DataSource dataSource(DataSourceProperties properties) {
            String url = properties.determineUrl();
            if (url != null
                    && url.startsWith("jdbc:h2:")
                    && !url.toUpperCase(Locale.ROOT).contains("IFEXISTS")) {
                url += ";IFEXISTS=TRUE";
            }
            return properties.initializeDataSourceBuilder().url(url).build();
        }

        @Bean
        JdbcTemplate jdbcTemplate(DataSource dataSource) {
            return new JdbcTemplate(dataSource);
        }

        @Bean
        JdbcClient jdbcClient(DataSource dataSource) {
            return JdbcClient.create(dataSource);
        }

        @Bean
        DataSourceTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        AuditKey auditKey(Environment environment) {
            MasterKey masterKey = MasterKey.existing(
                    environment.getProperty("sspr.secret-key"),
                    dataDir(environment).resolve("keys"));
            return new AuditKey(masterKey.derive(AuditKey.PURPOSE));
        }

        @Bean
        AuditAnchors auditAnchors(Environment environment, AuditKey key, OtherAnchors other) {
            Path file = other.file() == null
                    ? dataDir(environment).resolve(AuditAnchors.FOLDER).resolve(AuditAnchors.FILE)
                    : Path.of(other.file());
            return new AuditAnchors(file, key);
        }

        private static Path dataDir(Environment environment) {
            return Path.of(environment.getProperty("sspr.data-dir", "./data"))
                    .toAbsolutePath()
                    .normalize();
        }
    }
}
