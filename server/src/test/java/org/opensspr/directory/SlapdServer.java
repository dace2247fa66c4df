package org.opensspr.directory;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's OpenLDAP {@code slapd} in a throwaway directory, for integration tests: a cn=config
 * made with {@code slapadd -n0}, an mdb database seeded with {@code slapadd -n1}, the ppolicy
 * overlay with a default policy, listening on {@code ldap://127.0.0.1:<free port>}. Its service
 * account may write {@code userPassword} and manage {@code pwdAccountLockedTime}, and read
 * everything else; it is not the rootdn, so the ppolicy applies to what it writes.
 */
final class SlapdServer implements AutoCloseable {

    static final String SUFFIX = "dc=sspr,dc=test";
    static final String SERVICE_DN = "cn=sspr,ou=services," + SUFFIX;
    static final String SERVICE_PASSWORD = "service-account-secret";
    static final String PEOPLE = "ou=people," + SUFFIX;

    private final Path folder;
    private final int port;
    private final Process process;
    private final Duration startup;

    private SlapdServer(Path folder, int port, Process process, Duration startup) {
        this.folder = folder;
        this.port = port;
        this.process = process;
        this.startup = startup;
    }

    /** Starts slapd with {@code ppolicy} attributes in the default policy entry and {@code people} LDIF entries under {@link #PEOPLE}. */
    static SlapdServer start(String ppolicy, String people) throws Exception {
        long started = System.nanoTime();
        Path folder = Files.createTempDirectory("sspr-slapd");
        Path config = Files.createDirectories(folder.resolve("slapd.d"));
        Path db = Files.createDirectories(folder.resolve("db"));
        Files.writeString(folder.resolve("config.ldif"), config(folder, db), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("data.ldif"), data(ppolicy, people), StandardCharsets.UTF_8);
        run(
                folder,
                "slapadd",
                "-n0",
                "-F",
                config.toString(),
                "-l",
                folder.resolve("config.ldif").toString());
        run(
                folder,
                "slapadd",
                "-n1",
                "-F",
                config.toString(),
                "-l",
                folder.resolve("data.ldif").toString());
        int port = freePort();
        // -d 0: stay in the foreground, so the process is ours to stop, logging nothing.
        Process process = new ProcessBuilder(
                        slapd(), "-d", "0", "-F", config.toString(), "-h", "ldap://127.0.0.1:" + port + "/")
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("slapd.log").toFile())
                .start();
        SlapdServer server = new SlapdServer(folder, port, process, null);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (whoAmI(port, SERVICE_DN, SERVICE_PASSWORD) != 0) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                server.close();
                throw new IllegalStateException(
                        "slapd did not start on port " + port + ": " + Files.readString(folder.resolve("slapd.log")));
            }
            Thread.sleep(20);
        }
        return new SlapdServer(folder, port, process, Duration.ofNanos(System.nanoTime() - started));
    }

    String url() {
        return "ldap://127.0.0.1:" + port;
    }

    /** From nothing to answering a bind, including writing the configuration and the database. */
    Duration startup() {
        return startup;
    }

    /** {@code ldapwhoami} as {@code dn}: 0 when the password binds, 49 when it does not (wrong or locked). */
    int whoAmI(String dn, String password) throws Exception {
        return whoAmI(port, dn, password);
    }

    /** The operational attribute {@code attribute} of {@code dn} as the service account reads it, or an empty string. */
    String operational(String dn, String attribute) throws Exception {
        Process search = new ProcessBuilder(
                        "ldapsearch",
                        "-x",
                        "-LLL",
                        "-H",
                        url(),
                        "-D",
                        SERVICE_DN,
                        "-w",
                        SERVICE_PASSWORD,
                        "-b",
                        dn,
                        "-s",
                        "base",
                        "(objectClass=*)",
                        attribute)
                .redirectErrorStream(true)
                .start();
        String output = new String(search.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        search.waitFor(30, TimeUnit.SECONDS);
        return output.lines()
                .filter(line -> line.startsWith(attribute + ":"))
                .findFirst()
                .orElse("");
    }

    @Override
    public void close() throws IOException {
        StoppedServers.stop(process, 10, folder);
    }

    static boolean installed() {
        return Files.isExecutable(Path.of(slapd())) && Files.isExecutable(Path.of("/usr/sbin/slapadd"));
    }

    private static String slapd() {
        return "/usr/sbin/slapd";
    }

    private static int whoAmI(int port, String dn, String password) throws Exception {
        Process process = new ProcessBuilder(
                        "ldapwhoami", "-x", "-H", "ldap://127.0.0.1:" + port, "-D", dn, "-w", password)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    private static void run(Path folder, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(command));
        line.set(0, "/usr/sbin/" + command[0]);
        Process process = new ProcessBuilder(line)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", line) + " failed: " + output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String config(Path folder, Path db) {
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
                olcModuleLoad: ppolicy

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
                olcRootDN: cn=admin,%3$s
                olcDbDirectory: %2$s
                olcDbMaxSize: 104857600
                olcAccess: {0}to attrs=userPassword by dn.exact="%4$s" write by self =xw by anonymous auth by * none
                olcAccess: {1}to attrs=pwdAccountLockedTime by dn.exact="%4$s" manage by * none
                olcAccess: {2}to * by dn.exact="%4$s" read by self read by * none

                dn: olcOverlay={0}ppolicy,olcDatabase={1}mdb,cn=config
                objectClass: olcOverlayConfig
                objectClass: olcPPolicyConfig
                olcOverlay: {0}ppolicy
                olcPPolicyDefault: cn=default,ou=policies,%3$s
                olcPPolicyUseLockout: TRUE
                """.formatted(folder, db, SUFFIX, SERVICE_DN);
    }

    private static String data(String ppolicy, String people) {
        return """
                dn: %1$s
                objectClass: dcObject
                objectClass: organization
                o: SSPR test
                dc: sspr

                dn: ou=policies,%1$s
                objectClass: organizationalUnit
                ou: policies

                dn: cn=default,ou=policies,%1$s
                objectClass: pwdPolicy
                objectClass: person
                cn: default
                sn: default
                pwdAttribute: userPassword
                %2$s

                dn: ou=services,%1$s
                objectClass: organizationalUnit
                ou: services

                dn: %3$s
                objectClass: person
                cn: sspr
                sn: service account
                userPassword: %4$s

                dn: %5$s
                objectClass: organizationalUnit
                ou: people

                dn: ou=groups,%1$s
                objectClass: organizationalUnit
                ou: groups

                %6$s
                """.formatted(SUFFIX, ppolicy.strip(), SERVICE_DN, SERVICE_PASSWORD, PEOPLE, people.strip());
    }
}
