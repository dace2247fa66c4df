package org.opensspr.directory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Samba as an Active Directory domain controller in a throwaway directory, for
 * integration tests: {@code samba-tool domain provision --dns-backend=NONE} for the realm
 * {@value #REALM}, only LDAP and the KDC, on loopback only ({@code interfaces = lo}, {@code bind
 * interfaces only}), with a CA and a certificate for 127.0.0.1 made by {@code openssl} so LDAPS is
 * verified as in production, and {@code old password allowed period = 0} so a replaced password
 * stops working at once. Samba's ports are fixed (389, 636, 88): nothing else may hold them.
 *
 * <p>The service account {@value #SERVICE_LOGIN} is an ordinary user with two rights on user
 * objects in {@code CN=Users}, inherited: the Reset Password extended right and read/write of
 * {@code lockoutTime}. Users and groups are made with {@code samba-tool} before Samba starts.
 */
final class SambaAdServer implements AutoCloseable {

    static final String REALM = "SSPR.TEST";
    static final String BASE_DN = "DC=sspr,DC=test";
    static final String SERVICE_LOGIN = "sspr-svc";
    static final String SERVICE_UPN = SERVICE_LOGIN + "@sspr.test";
    static final String SERVICE_PASSWORD = "Service-Account-2026!";
    /** The Reset Password extended right (User-Force-Change-Password). */
    private static final String RESET_PASSWORD_RIGHT = "00299570-246d-11d0-a768-00aa006e0529";
    /** The schemaIDGUID of lockoutTime. */
    private static final String LOCKOUT_TIME = "28630ebf-41d5-11d1-a9c1-0000f80367c1";
    /** The schemaIDGUID of the user class. */
    private static final String USER_CLASS = "bf967aba-0de6-11d0-a285-00aa003049e2";

    private final Path folder;
    private final Process process;
    private final Duration provisioning;
    private final Duration startup;

    private SambaAdServer(Path folder, Process process, Duration provisioning, Duration startup) {
        this.folder = folder;
        this.process = process;
        this.provisioning = provisioning;
        this.startup = startup;
    }

    /** Samba's part of the setup: users (login, password, given name, surname, mail) and groups with their members. */
    record Setup(List<List<String>> users, Map<String, List<String>> groups, List<String> passwordSettings) {}

    static SambaAdServer start(Setup setup) throws Exception {
        for (int port : new int[] {389, 636, 88}) {
            if (!free(port)) {
                throw new IllegalStateException("port " + port + " on 127.0.0.1 is taken; Samba AD listens on 389, 636"
                        + " and 88 and cannot move: stop the directory server or KDC that holds it");
            }
        }
        long started = System.nanoTime();
        Path folder = Files.createTempDirectory("sspr-samba");
        Path tls = Files.createDirectories(folder.resolve("tls"));
        openssl(tls);
        Path target = folder.resolve("dc");
        run(
                folder,
                "samba-tool",
                "domain",
                "provision",
                "--realm=" + REALM,
                "--domain=SSPR",
                "--server-role=dc",
                "--dns-backend=NONE",
                "--use-rfc2307",
                "--targetdir=" + target,
                "--adminpass=Admin-Pass-2026!",
                "--option=interfaces = lo",
                "--option=bind interfaces only = yes",
                "--option=server services = ldap, kdc",
                "--option=log file = " + folder.resolve("log.%m"),
                "--option=tls enabled = yes",
                "--option=tls keyfile = " + tls.resolve("key.pem"),
                "--option=tls certfile = " + tls.resolve("cert.pem"),
                "--option=tls cafile = " + tls.resolve("ca.pem"));
        Path smbConf = target.resolve("etc/smb.conf");
        // provision does not write this one; without it the old password keeps working for an hour.
        Files.writeString(
                smbConf,
                Files.readString(smbConf).replace("[global]\n", "[global]\n\told password allowed period = 0\n"));
        String conf = "--configfile=" + smbConf;
        List<String> settings = new ArrayList<>(List.of("samba-tool", "domain", "passwordsettings", "set", conf));
        settings.addAll(setup.passwordSettings());
        run(folder, settings.toArray(String[]::new));
        run(
                folder,
                "samba-tool",
                "user",
                "create",
                SERVICE_LOGIN,
                SERVICE_PASSWORD,
                "--given-name=SSPR",
                "--surname=Service",
                conf);
        for (List<String> user : setup.users()) {
            run(
                    folder,
                    "samba-tool",
                    "user",
                    "create",
                    user.get(0),
                    user.get(1),
                    "--given-name=" + user.get(2),
                    "--surname=" + user.get(3),
                    "--mail-address=" + user.get(4),
                    conf);
        }
        for (Map.Entry<String, List<String>> group : setup.groups().entrySet()) {
            run(folder, "samba-tool", "group", "add", group.getKey(), conf);
            run(folder, "samba-tool", "group", "addmembers", group.getKey(), String.join(",", group.getValue()), conf);
        }
        String sid = run(folder, "samba-tool", "user", "show", SERVICE_LOGIN, "--attributes=objectSid", conf)
                .lines()
                .filter(line -> line.startsWith("objectSid: "))
                .map(line -> line.substring(11).strip())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no objectSid for " + SERVICE_LOGIN));
        run(
                folder,
                "samba-tool",
                "dsacl",
                "set",
                conf,
                "--objectdn=CN=Users," + BASE_DN,
                "--sddl="
                        + "(OA;CIIO;CR;" + RESET_PASSWORD_RIGHT + ";" + USER_CLASS + ";" + sid + ")"
                        + "(OA;CIIO;RPWP;" + LOCKOUT_TIME + ";" + USER_CLASS + ";" + sid + ")");
        Duration provisioning = Duration.ofNanos(System.nanoTime() - started);

        long starting = System.nanoTime();
        Process process = new ProcessBuilder("samba", "--interactive", "--model=single", conf)
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("samba.out").toFile())
                .start();
        SambaAdServer server = new SambaAdServer(folder, process, provisioning, null);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (server.bind(SERVICE_UPN, SERVICE_PASSWORD) != 0) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                String out = Files.readString(folder.resolve("samba.out"));
                server.close();
                throw new IllegalStateException("Samba did not answer on ldaps://127.0.0.1:636: " + out);
            }
            Thread.sleep(50);
        }
        return new SambaAdServer(folder, process, provisioning, Duration.ofNanos(System.nanoTime() - starting));
    }

    static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/samba-tool"))
                && Files.isExecutable(Path.of("/usr/sbin/samba"))
                && Files.isDirectory(Path.of("/usr/share/samba/setup/ad-schema"));
    }

    Path caFile() {
        return folder.resolve("tls/ca.pem");
    }

    /** Certificates, provisioning, users and rights. */
    Duration provisioning() {
        return provisioning;
    }

    /** From starting {@code samba} to its first answered LDAPS bind. */
    Duration startup() {
        return startup;
    }

    /**
     * A simple bind over LDAPS as {@code login} (user principal name), then a base search of the
     * domain: 0 when the password binds, 49 when it does not (wrong, or the account is locked).
     * Samba answers no WhoAmI operation, so {@code ldapsearch} proves the bind.
     */
    int bind(String login, String password) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        "ldapsearch",
                        "-x",
                        "-H",
                        "ldaps://127.0.0.1",
                        "-D",
                        login,
                        "-w",
                        password,
                        "-b",
                        BASE_DN,
                        "-s",
                        "base",
                        "(objectClass=*)",
                        "1.1")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("LDAPTLS_CACERT", caFile().toString());
        Process search = builder.start();
        if (!search.waitFor(30, TimeUnit.SECONDS)) {
            search.destroyForcibly();
            return -1;
        }
        return search.exitValue();
    }

    /** {@code kinit} as {@code principal} against Samba's KDC: true when the password gets a ticket. */
    boolean kinit(String principal, String password) throws Exception {
        Path krb5 = folder.resolve("krb5.conf");
        Files.writeString(krb5, """
                [libdefaults]
                    default_realm = %1$s
                    dns_lookup_kdc = false
                    dns_lookup_realm = false
                [realms]
                    %1$s = {
                        kdc = 127.0.0.1
                    }
                """.formatted(REALM));
        ProcessBuilder builder = new ProcessBuilder("kinit", principal)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("KRB5_CONFIG", krb5.toString());
        builder.environment().put("KRB5CCNAME", "FILE:" + folder.resolve("krb5cc"));
        Process kinit = builder.start();
        kinit.getOutputStream().write((password + "\n").getBytes(StandardCharsets.UTF_8));
        kinit.getOutputStream().close();
        if (!kinit.waitFor(30, TimeUnit.SECONDS)) {
            kinit.destroyForcibly();
            return false;
        }
        return kinit.exitValue() == 0;
    }

    static boolean kinitInstalled() {
        return Files.isExecutable(Path.of("/usr/bin/kinit"));
    }

    /** The attribute of the user {@code login} as the service account reads it, or an empty string. */
    String attribute(String login, String attribute) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        "ldapsearch",
                        "-x",
                        "-LLL",
                        "-H",
                        "ldaps://127.0.0.1",
                        "-D",
                        SERVICE_UPN,
                        "-w",
                        SERVICE_PASSWORD,
                        "-b",
                        BASE_DN,
                        "(sAMAccountName=" + login + ")",
                        attribute)
                .redirectErrorStream(true);
        builder.environment().put("LDAPTLS_CACERT", caFile().toString());
        Process search = builder.start();
        String output = new String(search.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        search.waitFor(30, TimeUnit.SECONDS);
        return output.lines()
                .filter(line -> line.startsWith(attribute + ":"))
                .map(line -> line.substring(attribute.length() + 1).strip())
                .findFirst()
                .orElse("");
    }

    @Override
    public void close() throws IOException {
        StoppedServers.stop(process, 20, folder);
    }

    /** A throwaway CA and a server certificate for 127.0.0.1 and localhost, signed by it. */
    private static void openssl(Path tls) throws Exception {
        run(
                tls,
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                "ca.key",
                "-out",
                "ca.pem",
                "-days",
                "2",
                "-subj",
                "/CN=OpenSSPR test CA");
        run(
                tls,
                "openssl",
                "req",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                "key.pem",
                "-out",
                "server.csr",
                "-subj",
                "/CN=localhost");
        Files.writeString(tls.resolve("server.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        run(
                tls,
                "openssl",
                "x509",
                "-req",
                "-in",
                "server.csr",
                "-CA",
                "ca.pem",
                "-CAkey",
                "ca.key",
                "-CAcreateserial",
                "-out",
                "cert.pem",
                "-days",
                "2",
                "-extfile",
                "server.ext");
        // Samba refuses a key file that others can read.
        Files.setPosixFilePermissions(
                tls.resolve("key.pem"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }

    private static String run(Path folder, String... command) throws Exception {
        Process process = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(
                    String.join(" ", command).replaceAll("(pass(word)?=)\\S+", "$1***") + " failed: " + output);
        }
        return output;
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
