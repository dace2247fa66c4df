package org.opensspr.bench;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * Debian's OpenLDAP {@code slapd} as the external directory of a cluster: a cn=config and an
 * indexed mdb database under {@code dir} made with {@code slapadd}, seeded with {@link SeedLdif}'s
 * people (with their initial passwords, stored as given, so they bind) and a service account that
 * may set passwords and read the tree, listening on {@code ldap://127.0.0.1:<port>}. No password
 * policy overlay: the cluster is about availability, not directory rules. It can be stopped and
 * started again on the same port and data, as an outage of the directory.
 */
final class Slapd implements AutoCloseable {

    static final String SERVICE_DN = "cn=sspr,ou=services," + SeedLdif.BASE_DN;
    private static final Path SLAPD = Path.of("/usr/sbin/slapd");
    private static final Path SLAPADD = Path.of("/usr/sbin/slapadd");

    private final Path dir;
    private final int port;
    private final String servicePassword;
    private Process process;
    private final Thread killer;

    private Slapd(Path dir, int port, String servicePassword) {
        this.dir = dir;
        this.port = port;
        this.servicePassword = servicePassword;
        this.killer = new Thread(this::destroy, "kill-slapd");
        Runtime.getRuntime().addShutdownHook(killer);
    }

    static boolean installed() {
        return Files.isExecutable(SLAPD) && Files.isExecutable(SLAPADD);
    }

    /** Configures, seeds and starts slapd in {@code dir} with the people of {@code seedLdif}. */
    static Slapd start(Path folder, Path seedLdif) throws IOException, InterruptedException {
        Path dir = folder.toAbsolutePath();
        if (!installed()) {
            throw new IOException("Debian's slapd is needed: apt-get install -y slapd ldap-utils (.ci/run does)");
        }
        Path config = Files.createDirectories(dir.resolve("slapd.d"));
        Path db = Files.createDirectories(dir.resolve("db"));
        String password = HexFormat.of().formatHex(randomBytes());
        Files.writeString(dir.resolve("config.ldif"), config(dir, db), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("service.ldif"), service(password), StandardCharsets.UTF_8);
        run(
                dir,
                SLAPADD.toString(),
                "-n0",
                "-F",
                config.toString(),
                "-l",
                dir.resolve("config.ldif").toString());
        // -q: no consistency checks while loading, the seed is ours
        run(
                dir,
                SLAPADD.toString(),
                "-q",
                "-n1",
                "-F",
                config.toString(),
                "-l",
                seedLdif.toAbsolutePath().toString());
        run(
                dir,
                SLAPADD.toString(),
                "-n1",
                "-F",
                config.toString(),
                "-l",
                dir.resolve("service.ldif").toString());
        Slapd slapd = new Slapd(dir, ServerProcess.freePort(), password);
        slapd.start();
        return slapd;
    }

    /** Starts the process (again) and waits until the service account binds. */
    synchronized void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        // -d 0: in the foreground, so the process is ours to stop, logging nothing
        process = new ProcessBuilder(
                        SLAPD.toString(),
                        "-d",
                        "0",
                        "-F",
                        dir.resolve("slapd.d").toString(),
                        "-h",
                        url() + "/")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("slapd.log").toFile()))
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try (LDAPConnection c = new LDAPConnection("127.0.0.1", port)) {
                c.bind(SERVICE_DN, servicePassword);
                return;
            } catch (LDAPException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("slapd did not start on " + url() + ": "
                            + Files.readString(dir.resolve("slapd.log"), StandardCharsets.UTF_8));
                }
                Thread.sleep(50);
            }
        }
    }

    /** Stops slapd (SIGTERM, it syncs and exits); its data stays for {@link #start}. */
    synchronized void stop() {
        if (process != null) {
            Processes.stop(process, Duration.ofSeconds(20));
        }
    }

    synchronized boolean running() {
        return process != null && process.isAlive();
    }

    String url() {
        return "ldap://127.0.0.1:" + port;
    }

    String servicePassword() {
        return servicePassword;
    }

    /** The process id, or -1 while stopped. */
    synchronized long pid() {
        return running() ? process.pid() : -1;
    }

    /**
     * A bind checker over one connection: true when {@code password} binds as {@code dn}, false
     * when the directory says invalid credentials.
     */
    Binds binds() throws LDAPException {
        return new Binds(new LDAPConnection("127.0.0.1", port));
    }

    /** Binds one after another over one connection. */
    static final class Binds implements AutoCloseable {
        private final LDAPConnection connection;

        private Binds(LDAPConnection connection) {
            this.connection = connection;
        }

        boolean binds(String dn, String password) throws LDAPException {
            try {
                connection.bind(dn, password);
                return true;
            } catch (LDAPException e) {
                if (e.getResultCode().equals(ResultCode.INVALID_CREDENTIALS)) {
                    return false;
                }
                throw e;
            }
        }

        @Override
        public void close() {
            connection.close();
        }
    }

    @Override
    public void close() throws IOException {
        stop();
        Processes.removeShutdownHook(killer);
    }

    private synchronized void destroy() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Processes.run(dir, List.of(command), true);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** cn=config: the mdb database with the indexes a flow's searches use, and the service account's rights. */
    private static String config(Path dir, Path db) {
        return """
                dn: cn=config
                objectClass: olcGlobal
                cn: config
                olcPidFile: %1$s/slapd.pid

                dn: cn=module{0},cn=config
                objectClass: olcModuleList
                cn: module{0}
                olcModulePath: /usr/lib/ldap
                olcModuleLoad: back_mdb

                dn: cn=schema,cn=config
                objectClass: olcSchemaConfig
                cn: schema

                include: file:///etc/ldap/schema/core.ldif

                include: file:///etc/ldap/schema/cosine.ldif

                include: file:///etc/ldap/schema/inetorgperson.ldif

                include: file:///etc/ldap/schema/nis.ldif

                dn: olcDatabase={-1}frontend,cn=config
                objectClass: olcDatabaseConfig
                objectClass: olcFrontendConfig
                olcDatabase: {-1}frontend

                dn: olcDatabase={0}config,cn=config
                objectClass: olcDatabaseConfig
                olcDatabase: {0}config
                olcAccess: {0}to * by * none

                dn: olcDatabase={1}mdb,cn=config
                objectClass: olcDatabaseConfig
                objectClass: olcMdbConfig
                olcDatabase: {1}mdb
                olcSuffix: %3$s
                olcDbDirectory: %2$s
                olcDbMaxSize: 1073741824
                olcDbIndex: objectClass eq
                olcDbIndex: uid eq
                olcDbIndex: mail eq
                olcDbIndex: member eq
                olcDbIndex: uniqueMember eq
                olcAccess: {0}to attrs=userPassword by dn.exact="%4$s" write by self =xw by anonymous auth by * none
                olcAccess: {1}to * by dn.exact="%4$s" read by self read by * none
                """.formatted(dir, db, SeedLdif.BASE_DN, SERVICE_DN);
    }

    private static String service(String password) {
        return """
                dn: ou=services,%1$s
                objectClass: organizationalUnit
                ou: services

                dn: %2$s
                objectClass: person
                cn: sspr
                sn: OpenSSPR service account
                userPassword: %3$s
                """.formatted(SeedLdif.BASE_DN, SERVICE_DN, password);
    }
}
