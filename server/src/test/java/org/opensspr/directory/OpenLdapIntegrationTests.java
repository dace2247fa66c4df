package org.opensspr.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opensspr.Http;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole server against Debian's OpenLDAP {@code slapd} with the ppolicy overlay (minimum
 * length 12, history 3, lockout after 3 failures), started by this class on a free port in a
 * throwaway directory. Its own Spring context: the shared one runs on the embedded directory.
 * {@code ldapwhoami}, a client we did not write, proves which passwords bind. The sign-in throttle's
 * defaults (2 free failures per login) stop strangers before ppolicy's 3.
 */
@TestPropertySource(
        properties = {
            "sspr.directory.flavor=openldap",
            "sspr.directory.base-dn=" + SlapdServer.SUFFIX,
            "sspr.directory.bind-dn=" + SlapdServer.SERVICE_DN,
            "sspr.directory.bind-password=" + SlapdServer.SERVICE_PASSWORD
        })
class OpenLdapIntegrationTests extends RealDirectoryIntegrationTest {

    private static final String PPOLICY = """
            pwdMinLength: 12
            pwdCheckQuality: 2
            pwdInHistory: 3
            pwdLockout: TRUE
            pwdMaxFailure: 3
            pwdLockoutDuration: 0
            """;
    private static final String DAVE = "uid=dave," + SlapdServer.PEOPLE;
    private static final String ERIN = "uid=erin," + SlapdServer.PEOPLE;
    private static final String FRANK = "uid=frank," + SlapdServer.PEOPLE;
    private static final String GRACE = "uid=grace," + SlapdServer.PEOPLE;
    private static final String PEOPLE = """
            dn: %1$s
            objectClass: inetOrgPerson
            uid: dave
            cn: Dave Ldap
            sn: Ldap
            mail: dave@sspr.test
            preferredLanguage: nl
            userPassword: Dave-original-2026

            dn: %2$s
            objectClass: inetOrgPerson
            uid: erin
            cn: Erin Ldap
            sn: Ldap
            mail: erin@sspr.test
            userPassword: Erin-original-2026

            dn: %3$s
            objectClass: inetOrgPerson
            uid: frank
            cn: Frank Ldap
            sn: Ldap
            mail: frank@sspr.test
            userPassword: Frank-original-2026

            dn: %5$s
            objectClass: inetOrgPerson
            uid: grace
            cn: Grace Ldap
            sn: Ldap
            mail: grace@sspr.test
            userPassword: Grace-original-2026

            dn: cn=staff,ou=groups,%4$s
            objectClass: groupOfNames
            cn: staff
            member: %1$s

            dn: cn=everyone,ou=groups,%4$s
            objectClass: groupOfNames
            cn: everyone
            member: cn=staff,ou=groups,%4$s
            """.formatted(DAVE, ERIN, FRANK, SlapdServer.SUFFIX, GRACE);

    private static final Harness HARNESS;
    private static final SlapdServer SLAPD;

    static {
        if (!SlapdServer.installed()) {
            throw new IllegalStateException("OpenLdapIntegrationTests need Debian's slapd and ldap-utils:"
                    + " apt-get install -y slapd ldap-utils (.ci/run installs them)");
        }
        try {
            SLAPD = SlapdServer.start(PPOLICY, PEOPLE);
            System.out.println("slapd started in " + SLAPD.startup().toMillis() + " ms on " + SLAPD.url());
        } catch (Exception e) {
            throw new IllegalStateException("cannot start slapd: " + e.getMessage(), e);
        }
        HARNESS = Harness.start("openldap");
    }

    @DynamicPropertySource
    static void serverProperties(DynamicPropertyRegistry registry) {
        HARNESS.register(registry, SLAPD::url);
    }

    @Override
    Harness harness() {
        return HARNESS;
    }

    @AfterAll
    static void stopServers() throws Exception {
        HARNESS.smtp().stop();
        SLAPD.close();
    }

    @Test
    void aResetWritesThePasswordThroughPasswordModifySoTheNewBindsAndTheOldDoesNot() throws Exception {
        Http http = http();
        String flowId = RealDirectoryFlows.verifiedFlow(http, mailbox, "dave", "dave@sspr.test");
        Http.Response reset =
                http.post(RealDirectoryFlows.path(flowId, "password"), Map.of("newPassword", "Dave-resets-in-2026"));
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);

        assertThat(SLAPD.whoAmI(DAVE, "Dave-resets-in-2026")).isZero();
        assertThat(SLAPD.whoAmI(DAVE, "Dave-original-2026")).isEqualTo(49);
        // The server hashed it: the service account reads no clear text back.
        assertThat(SLAPD.operational(DAVE, "pwdChangedTime")).isNotEmpty();

        // Back to the original, which only the directory's history knows (ours never saw it): ppolicy's refusal.
        String again = RealDirectoryFlows.verifiedFlow(http, mailbox, "dave", "dave@sspr.test");
        Http.Response reused =
                http.post(RealDirectoryFlows.path(again, "password"), Map.of("newPassword", "Dave-original-2026"));
        assertThat(reused.status()).as(reused.toString()).isEqualTo(422);
        assertThat(violation(reused).get("code").asString()).isEqualTo("password-reused");
        assertThat(violation(reused).get("message").asString()).contains("used this password recently");
        assertThat(SLAPD.whoAmI(DAVE, "Dave-resets-in-2026")).isZero();
    }

    @Test
    void aPasswordOurPolicyAcceptsButPpolicyFindsTooShortIsAClearViolationAndTheFlowCanBeRetried() throws Exception {
        Http http = http();
        String flowId = RealDirectoryFlows.verifiedFlow(http, mailbox, "erin", "erin@sspr.test");
        Http.Response tooShort =
                http.post(RealDirectoryFlows.path(flowId, "password"), Map.of("newPassword", "Qx7-tr9Kpz"));
        assertThat(tooShort.status()).as(tooShort.toString()).isEqualTo(422);
        assertThat(violation(tooShort).get("code").asString()).isEqualTo("password-too-short");
        assertThat(violation(tooShort).get("message").asString()).contains("longer password");
        assertThat(SLAPD.whoAmI(ERIN, "Erin-original-2026")).isZero();

        Http.Response retried =
                http.post(RealDirectoryFlows.path(flowId, "password"), Map.of("newPassword", "Qx7-tr9Kpz-longer"));
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(SLAPD.whoAmI(ERIN, "Qx7-tr9Kpz-longer")).isZero();
    }

    @Test
    void anAccountLockedByPpolicyIsUnlockedBySelfServiceAndThenBinds() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(SLAPD.whoAmI(FRANK, "not-franks-password")).isEqualTo(49);
        }
        assertThat(SLAPD.whoAmI(FRANK, "Frank-original-2026"))
                .as("locked: even the right password fails")
                .isEqualTo(49);
        assertThat(SLAPD.operational(FRANK, "pwdAccountLockedTime")).isNotEmpty();

        Http http = http();
        assertThat(http.bearer(ADMIN_TOKEN)
                        .put("/api/v1/admin/policy", Map.of("allowUnlock", true))
                        .status())
                .isEqualTo(200);
        String flowId = RealDirectoryFlows.verifiedFlow(http, mailbox, "frank", "frank@sspr.test");
        Http.Response unlocked = http.post(RealDirectoryFlows.path(flowId, "unlock"), Map.of());
        assertThat(unlocked.status()).as(unlocked.toString()).isEqualTo(200);

        assertThat(SLAPD.operational(FRANK, "pwdAccountLockedTime")).isEmpty();
        assertThat(SLAPD.whoAmI(FRANK, "Frank-original-2026")).isZero();
    }

    @Test
    void anonymousWrongPasswordsStopAtTheSignInThrottleBeforePpolicyLocksTheAccount() throws Exception {
        Http http = http();
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(http.basic("grace", "not-graces-password-" + i)
                    .get("/api/v1/me/methods")
                    .status());
        }
        assertThat(answers)
                .as("two guesses reach the directory, whose lockout is at three; the rest wait")
                .containsExactly(401, 401, 429, 429, 429, 429, 429, 429, 429, 429);

        assertThat(SLAPD.operational(GRACE, "pwdAccountLockedTime")).isEmpty();
        assertThat(SLAPD.whoAmI(GRACE, "Grace-original-2026"))
                .as("not locked: the right password binds at the directory")
                .isZero();
    }

    @Test
    void theUsersPreferredLanguageIsReadFromInetOrgPerson() {
        assertThat(directory.findUser("dave").orElseThrow().preferredLanguage()).contains("nl");
        assertThat(directory.findUser("erin").orElseThrow().preferredLanguage()).isEmpty();
    }

    @Test
    void nestedGroupsAreFollowedLevelByLevel() {
        DirectoryUser dave = directory.findUser("dave").orElseThrow();
        assertThat(dave.mail()).contains("dave@sspr.test");
        assertThat(directory.groupsOf(dave)).containsExactlyInAnyOrder("staff", "everyone");
        assertThat(directory.membersOf("staff"))
                .extracting(DirectoryUser::login)
                .containsExactly("dave");
    }

    private static JsonNode violation(Http.Response response) {
        JsonNode violations = response.json().get("violations");
        assertThat(violations).as(response.toString()).hasSize(1);
        return violations.get(0);
    }
}
