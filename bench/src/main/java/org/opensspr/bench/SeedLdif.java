package org.opensspr.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The LDIF that seeds the embedded directory for a load run: {@code users} people under
 * {@code ou=people,dc=example,dc=org} shaped like the demo organisation's (inetOrgPerson +
 * posixAccount, {@code uid userNNNNN}, a unique {@code mail}), all members of {@code cn=staff},
 * plus the demo {@code admin} in {@code sspr-admins} so that the admin API also works with HTTP
 * Basic. People get no {@code userPassword}: the driver only resets passwords, and seeding 20,000
 * salted hashes would only slow the start. Names avoid words the driver's passphrases use, so the
 * context rule (login, names, mail local part) never refuses them.
 */
final class SeedLdif {

    static final String BASE_DN = "dc=example,dc=org";
    static final String DOMAIN = "example.org";
    static final String ADMIN_PASSWORD = "admin-demo-2026";

    private SeedLdif() {}

    /** The login of user {@code index} (0-based): {@code user00042}; at least five digits. */
    static String login(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("index cannot be negative");
        }
        return String.format(Locale.ROOT, "user%05d", index);
    }

    static String mail(int index) {
        return login(index) + "@" + DOMAIN;
    }

    static String dn(int index) {
        return "uid=" + login(index) + ",ou=people," + BASE_DN;
    }

    /**
     * The password user {@code index} has before any reset when seeded {@code withPasswords}; a
     * directory that stores it as given ({@code slapadd}) binds it, so a test can tell an old
     * password from a new one.
     */
    static String initialPassword(int index) {
        return "Seeded-" + login(index) + "-pw";
    }

    /** Writes the LDIF for {@code users} people to {@code file}. */
    static void write(Path file, int users) throws IOException {
        write(file, users, false);
    }

    /** Writes the LDIF for {@code users} people to {@code file}, each with its {@link #initialPassword} if {@code withPasswords}. */
    static void write(Path file, int users, boolean withPasswords) throws IOException {
        if (users < 1) {
            throw new IllegalArgumentException("users must be at least 1");
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(out, users, withPasswords);
        }
    }

    static void write(Writer out, int users) throws IOException {
        write(out, users, false);
    }

    static void write(Writer out, int users, boolean withPasswords) throws IOException {
        out.write("# OpenSSPR load driver seed: " + users + " users\n");
        entry(out, BASE_DN, "objectClass: top\nobjectClass: domain\ndc: example\n");
        entry(out, "ou=people," + BASE_DN, "objectClass: top\nobjectClass: organizationalUnit\nou: people\n");
        entry(out, "ou=groups," + BASE_DN, "objectClass: top\nobjectClass: organizationalUnit\nou: groups\n");
        for (int i = 0; i < users; i++) {
            String login = login(i);
            entry(
                    out,
                    dn(i),
                    person(
                            login,
                            "Bench",
                            "User" + login.substring(4),
                            mail(i),
                            20000 + i,
                            withPasswords ? initialPassword(i) : null));
        }
        entry(
                out,
                "uid=admin,ou=people," + BASE_DN,
                person("admin", "Ada", "Admin", "admin@" + DOMAIN, 10004, ADMIN_PASSWORD));
        StringBuilder staff = new StringBuilder("objectClass: top\nobjectClass: groupOfNames\ncn: staff\n");
        for (int i = 0; i < users; i++) {
            staff.append("member: ").append(dn(i)).append('\n');
        }
        entry(out, "cn=staff,ou=groups," + BASE_DN, staff.toString());
        entry(
                out,
                "cn=sspr-admins,ou=groups," + BASE_DN,
                "objectClass: top\nobjectClass: groupOfNames\ncn: sspr-admins\nmember: uid=admin,ou=people," + BASE_DN
                        + "\n");
    }

    private static String person(
            String login, String given, String surname, String mail, int uidNumber, String password) {
        StringBuilder b = new StringBuilder();
        b.append("objectClass: top\nobjectClass: person\nobjectClass: organizationalPerson\n")
                .append("objectClass: inetOrgPerson\nobjectClass: posixAccount\n")
                .append("uid: ")
                .append(login)
                .append("\ncn: ")
                .append(given)
                .append(' ')
                .append(surname)
                .append("\ngivenName: ")
                .append(given)
                .append("\nsn: ")
                .append(surname)
                .append("\ndisplayName: ")
                .append(given)
                .append(' ')
                .append(surname)
                .append("\nmail: ")
                .append(mail)
                .append("\nuidNumber: ")
                .append(uidNumber)
                .append("\ngidNumber: 10001\nhomeDirectory: /home/")
                .append(login)
                .append("\nloginShell: /bin/bash\n");
        if (password != null) {
            b.append("userPassword: ").append(password).append('\n');
        }
        return b.toString();
    }

    private static void entry(Writer out, String dn, String body) throws IOException {
        out.write("\ndn: ");
        out.write(dn);
        out.write('\n');
        out.write(body);
    }
}
