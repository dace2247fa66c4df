package org.opensspr.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensspr.system.DataDirectory;
import org.opensspr.system.InstallationRecord;
import org.springframework.mock.env.MockEnvironment;

/** The embedded directory through {@link LdapDirectory}, as the server uses it, seeded from a test LDIF. */
class EmbeddedDirectoryTests {

    private static final Path SEED = Path.of("src/test/resources/ldap/test-org.ldif");

    @TempDir
    Path dataDir;

    private LdapDirectory start() throws Exception {
        DirectoryProperties properties = new DirectoryProperties(
                null,
                null,
                "dc=test,dc=example",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                new DirectoryProperties.Embedded(0, SEED.toAbsolutePath()));
        DataDirectory data = new DataDirectory(dataDir);
        return new DirectoryConfiguration()
                .directory(
                        properties,
                        data,
                        InstallationRecord.of(data),
                        new MockEnvironment(),
                        new SimpleMeterRegistry());
    }

    @Test
    void usersAreFoundByExactLoginOnly() throws Exception {
        try (LdapDirectory directory = start()) {
            DirectoryUser dave = directory.findUser("dave").orElseThrow();
            assertThat(dave.dn()).isEqualTo("uid=dave,ou=people,dc=test,dc=example");
            assertThat(dave.mail()).contains("dave@test.example");
            assertThat(dave.displayName()).isEqualTo("Dave Test");
            assertThat(dave.preferredLanguage())
                    .as("RFC 2798 preferredLanguage, as stored")
                    .contains("nl-BE, en;q=0.5");
            assertThat(directory.findUser("nobody")).isEmpty();
            assertThat(directory.findUser("*"))
                    .as("a filter character is a value, not a wildcard")
                    .isEmpty();
            assertThat(directory.findUser("da*")).isEmpty();
            assertThat(directory.findUser("")).isEmpty();
            assertThat(directory.groupsOf(dave))
                    .as("nested membership, through a cycle")
                    .containsExactly("testers", "helpdesk", "everyone", "loop");
        }
    }

    @Test
    void indexedLookupsMatchByTheSchemasRulesAsUnindexedOnesDo() throws Exception {
        try (LdapDirectory directory = start()) {
            assertThat(directory.findUser("DAVE"))
                    .as("uid matches ignoring case")
                    .map(DirectoryUser::dn)
                    .contains("uid=dave,ou=people,dc=test,dc=example");
            DirectoryUser shouting =
                    new DirectoryUser("UID=Dave, OU=People,DC=test,DC=example", "dave", null, null, null, null, null);
            assertThat(directory.groupsOf(shouting))
                    .as("member values match as distinguished names")
                    .containsExactly("testers", "helpdesk", "everyone", "loop");
            assertThat(directory.membersOf("TESTERS"))
                    .as("cn matches ignoring case")
                    .extracting(DirectoryUser::login)
                    .containsExactly("dave");
            assertThat(directory.membersOf("test"))
                    .as("equality, not a substring")
                    .isEmpty();
        }
    }

    @Test
    void authenticationNeedsTheRightNonEmptyPassword() throws Exception {
        try (LdapDirectory directory = start()) {
            assertThat(directory.authenticate("dave", "dave-seed-password")).isPresent();
            assertThat(directory.authenticate("dave", "wrong")).isEmpty();
            assertThat(directory.authenticate("dave", ""))
                    .as("an empty password would be an anonymous bind")
                    .isEmpty();
            assertThat(directory.authenticate("nobody", "dave-seed-password")).isEmpty();
        }
    }

    @Test
    void aResetPasswordIsSavedHashedAndSurvivesARestartWhichDoesNotReseed() throws Exception {
        try (LdapDirectory directory = start()) {
            directory.resetPassword(directory.findUser("dave").orElseThrow(), "Dave-new-password-1");
        }
        Path ldif = dataDir.resolve("directory/directory.ldif");
        String saved = Files.readString(ldif);
        assertThat(saved)
                .contains("userPassword: {SSHA256}")
                .doesNotContain("Dave-new-password-1")
                .doesNotContain("dave-seed-password");
        assertThat(dataDir.resolve("directory/directory.ldif.tmp")).doesNotExist();

        try (LdapDirectory directory = start()) {
            assertThat(directory.authenticate("dave", "Dave-new-password-1")).isPresent();
            assertThat(directory.authenticate("dave", "dave-seed-password")).isEmpty();
        }
    }

    @Test
    void changesMadeByOtherLdapClientsAreSavedToo() throws Exception {
        try (LdapDirectory directory = start()) {
            EmbeddedDirectoryServer embedded = directory.embedded();
            try (LDAPConnection connection = new LDAPConnection(
                    "127.0.0.1", embedded.port(), EmbeddedDirectoryServer.MANAGER_DN, embedded.managerPassword())) {
                connection.modify(
                        "uid=dave,ou=people,dc=test,dc=example",
                        new Modification(ModificationType.REPLACE, "mail", "dave@elsewhere.example"));
            }
        }
        try (LdapDirectory directory = start()) {
            assertThat(directory.findUser("dave").orElseThrow().mail()).contains("dave@elsewhere.example");
        }
    }
}
