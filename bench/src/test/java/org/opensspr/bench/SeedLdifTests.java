package org.opensspr.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldif.LDIFReader;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedLdifTests {

    @Test
    void everyUserHasAUniqueLoginAndMailAndIsInStaff() throws Exception {
        List<Entry> entries = read(250);
        // base, ou=people, ou=groups, 250 users, admin, staff, sspr-admins
        assertThat(entries).hasSize(3 + 250 + 1 + 2);
        Set<String> mails = new HashSet<>();
        Set<String> logins = new HashSet<>();
        for (Entry e : entries) {
            if (e.hasObjectClass("inetOrgPerson") && !e.getAttributeValue("uid").equals("admin")) {
                assertThat(e.hasObjectClass("posixAccount")).isTrue();
                assertThat(e.getDN()).endsWith(",ou=people,dc=example,dc=org");
                assertThat(e.hasAttribute("userPassword")).isFalse();
                logins.add(e.getAttributeValue("uid"));
                mails.add(e.getAttributeValue("mail"));
            }
        }
        assertThat(logins).hasSize(250).contains("user00000", "user00249");
        assertThat(mails).hasSize(250).contains("user00042@example.org");
        Entry staff = entries.stream()
                .filter(e -> e.getDN().equals("cn=staff,ou=groups,dc=example,dc=org"))
                .findFirst()
                .orElseThrow();
        assertThat(staff.getAttributeValues("member")).hasSize(250).contains(SeedLdif.dn(0), SeedLdif.dn(249));
    }

    @Test
    void theDemoAdminIsThereWithItsPasswordAndGroup() throws Exception {
        List<Entry> entries = read(1);
        Entry admin = entries.stream()
                .filter(e -> e.getDN().equals("uid=admin,ou=people,dc=example,dc=org"))
                .findFirst()
                .orElseThrow();
        assertThat(admin.getAttributeValue("userPassword")).isEqualTo(SeedLdif.ADMIN_PASSWORD);
        assertThat(entries)
                .anySatisfy(e -> assertThat(e.getAttributeValues("member")).containsExactly(admin.getDN()));
    }

    @Test
    void seededWithPasswordsEveryUserHasItsInitialPassword() throws Exception {
        StringWriter out = new StringWriter();
        SeedLdif.write(out, 3, true);
        List<Entry> entries = new ArrayList<>();
        try (LDIFReader reader =
                new LDIFReader(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)))) {
            Entry e;
            while ((e = reader.readEntry()) != null) {
                entries.add(e);
            }
        }
        for (int i = 0; i < 3; i++) {
            String dn = SeedLdif.dn(i);
            assertThat(entries.stream()
                            .filter(e -> e.getDN().equals(dn))
                            .findFirst()
                            .orElseThrow()
                            .getAttributeValue("userPassword"))
                    .isEqualTo(SeedLdif.initialPassword(i));
        }
        assertThat(read(3)).allSatisfy(e -> {
            if (!e.getDN().startsWith("uid=admin")) {
                assertThat(e.hasAttribute("userPassword")).isFalse();
            }
        });
    }

    @Test
    void loginsHaveFiveDigitsOrMore() {
        assertThat(SeedLdif.login(7)).isEqualTo("user00007");
        assertThat(SeedLdif.login(123_456)).isEqualTo("user123456");
        assertThat(SeedLdif.mail(19_999)).isEqualTo("user19999@example.org");
        assertThatThrownBy(() -> SeedLdif.login(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Entry> read(int users) throws Exception {
        StringWriter out = new StringWriter();
        SeedLdif.write(out, users);
        List<Entry> entries = new ArrayList<>();
        try (LDIFReader reader =
                new LDIFReader(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)))) {
            Entry e;
            while ((e = reader.readEntry()) != null) {
                entries.add(e);
            }
        }
        return entries;
    }
}
