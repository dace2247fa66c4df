package org.opensspr.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
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
 * The whole server against Samba as an Active Directory domain controller (Debian's {@code samba}),
 * provisioned by this class in a throwaway directory and reached over LDAPS with its CA in
 * {@code sspr.directory.ca-file}. Domain password settings: complexity on, minimum length 10,
 * lockout after 3 failures. Its own Spring context. A simple bind (and {@code kinit}) proves
 * which passwords work.
 */
@TestPropertySource(
        properties = {
            "sspr.directory.flavor=ad",
            "sspr.directory.base-dn=" + SambaAdServer.BASE_DN,
            "sspr.directory.bind-dn=" + SambaAdServer.SERVICE_UPN,
            "sspr.directory.bind-password=" + SambaAdServer.SERVICE_PASSWORD
        })
class SambaAdIntegrationTests extends RealDirectoryIntegrationTest {

    private static final Harness HARNESS;
    private static final SambaAdServer SAMBA;

    static {
        if (!SambaAdServer.installed()) {
            throw new IllegalStateException("SambaAdIntegrationTests need Debian's samba, samba-ad-provision,"
                    + " samba-dsdb-modules, ldap-utils and openssl: apt-get install -y ... (.ci/run installs them)");
        }
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("staff", List.of("grace"));
        groups.put("everyone", List.of("staff"));
        try {
            SAMBA = SambaAdServer.start(new SambaAdServer.Setup(
                    List.of(
                            List.of("grace", "Grace-original-2026", "Grace", "Samba", "grace@sspr.test"),
                            List.of("henry", "Henry-original-2026", "Henry", "Samba", "henry@sspr.test"),
                            List.of("ivy", "Ivy-original-2026", "Ivy", "Samba", "ivy@sspr.test")),
                    groups,
                    List.of(
                            "--complexity=on",
                            "--min-pwd-length=10",
                            "--min-pwd-age=0",
                            "--history-length=3",
                            "--account-lockout-threshold=3",
                            "--account-lockout-duration=30",
                            "--reset-account-lockout-after=30")));
            System.out.println("Samba AD provisioned in " + SAMBA.provisioning().toMillis() + " ms, started in "
                    + SAMBA.startup().toMillis() + " ms");
        } catch (Exception e) {
            throw new IllegalStateException("cannot start Samba AD: " + e.getMessage(), e);
        }
        HARNESS = Harness.start("samba");
    }

    @DynamicPropertySource
    static void serverProperties(DynamicPropertyRegistry registry) {
        HARNESS.register(registry, () -> "ldaps://127.0.0.1:636");
        registry.add("sspr.directory.ca-file", () -> SAMBA.caFile().toString());
    }

    @Override
    Harness harness() {
        return HARNESS;
    }

    @AfterAll
    static void stopServers() throws Exception {
        HARNESS.smtp().stop();
        SAMBA.close();
    }

    @Test
    void aResetOverLdapsReplacesUnicodePwdSoTheNewPasswordBindsAndTheOldDoesNot() throws Exception {
        Http http = http();
        String flowId = RealDirectoryFlows.verifiedFlow(http, mailbox, "grace", "grace@sspr.test");
        Http.Response reset =
                http.post(RealDirectoryFlows.path(flowId, "password"), Map.of("newPassword", "Grace-resets-in-2026"));
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);

        assertThat(SAMBA.bind("grace@sspr.test", "Grace-resets-in-2026")).isZero();
        assertThat(SAMBA.bind("grace@sspr.test", "Grace-original-2026")).isEqualTo(49);
        if (SambaAdServer.kinitInstalled()) {
            assertThat(SAMBA.kinit("grace@" + SambaAdServer.REALM, "Grace-resets-in-2026"))
                    .isTrue();
            assertThat(SAMBA.kinit("grace@" + SambaAdServer.REALM, "Grace-original-2026"))
                    .isFalse();
        }
    }

    @Test
    void aPasswordOurPolicyAcceptsButAdComplexityRefusesIsAClearViolation() throws Exception {
        Http http = http();
        Http admin = http.bearer(ADMIN_TOKEN);
        // Our policy without the three-classes rule, so that only the directory's complexity rule can refuse
        // (every test starts from the default policies: see RealDirectoryIntegrationTest).
        assertThat(admin.put("/api/v1/admin/password-policy", Map.of("requireThreeClasses", false))
                        .status())
                .isEqualTo(200);
        String flowId = RealDirectoryFlows.verifiedFlow(http, mailbox, "ivy", "ivy@sspr.test");
        Http.Response simple =
                http.post(RealDirectoryFlows.path(flowId, "password"), Map.of("newPassword", "qzvbwmxkrtplnghqzv"));
        assertThat(simple.status()).as(simple.toString()).isEqualTo(422);
        assertThat(violation(simple).get("code").asString()).isEqualTo("password-directory-policy");
        assertThat(violation(simple).get("message").asString()).contains("too simple");

        Http.Response tooShort =
                http.post(RealDirectoryFlows.path(flowId, "password"), Map.of("newPassword", "Qx7-tr9Kp"));
        assertThat(tooShort.status()).as(tooShort.toString()).isEqualTo(422);
        assertThat(violation(tooShort).get("code").asString()).isEqualTo("password-too-short");
        assertThat(SAMBA.bind("ivy@sspr.test", "Ivy-original-2026")).isZero();

        Http.Response good = http.post(
                RealDirectoryFlows.path(flowId, "password"), Map.of("newPassword", "Ivy-chooses-better-2026"));
        assertThat(good.status()).as(good.toString()).isEqualTo(200);
        assertThat(SAMBA.bind("ivy@sspr.test", "Ivy-chooses-better-2026")).isZero();
    }

    @Test
    void anAccountLockedOutByBadPasswordsIsUnlockedBySelfServiceAndThenBinds() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(SAMBA.bind("henry@sspr.test", "not-henrys-password")).isEqualTo(49);
        }
        assertThat(SAMBA.bind("henry@sspr.test", "Henry-original-2026"))
                .as("locked: even the right password fails")
                .isEqualTo(49);
        assertThat(SAMBA.attribute("henry", "lockoutTime")).isNotIn("", "0");

        Http http = http();
        assertThat(http.bearer(ADMIN_TOKEN)
                        .put("/api/v1/admin/policy", Map.of("allowUnlock", true))
                        .status())
                .isEqualTo(200);
        String flowId = RealDirectoryFlows.verifiedFlow(http, mailbox, "henry", "henry@sspr.test");
        Http.Response unlocked = http.post(RealDirectoryFlows.path(flowId, "unlock"), Map.of());
        assertThat(unlocked.status()).as(unlocked.toString()).isEqualTo(200);

        assertThat(SAMBA.attribute("henry", "lockoutTime")).isEqualTo("0");
        assertThat(SAMBA.bind("henry@sspr.test", "Henry-original-2026")).isZero();
    }

    @Test
    void usersAreFoundBySamAccountNameOrUserPrincipalNameAndNestedGroupsInOneSearch() {
        DirectoryUser grace = directory.findUser("grace").orElseThrow();
        assertThat(directory.findUser("grace@sspr.test")).map(DirectoryUser::dn).contains(grace.dn());
        assertThat(grace.login()).isEqualTo("grace");
        assertThat(grace.mail()).contains("grace@sspr.test");
        assertThat(directory.groupsOf(grace)).contains("staff", "everyone");
        assertThat(directory.membersOf("staff"))
                .extracting(DirectoryUser::login)
                .containsExactly("grace");
        assertThat(directory.membersOf("everyone"))
                .as("a nested group is no user")
                .isEmpty();
    }

    private static JsonNode violation(Http.Response response) {
        JsonNode violations = response.json().get("violations");
        assertThat(violations).as(response.toString()).hasSize(1);
        return violations.get(0);
    }
}
