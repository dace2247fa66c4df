package org.opensspr.reset;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensspr.Http;
import org.opensspr.ServerIntegrationTest;
import org.opensspr.directory.Directory;
import org.opensspr.directory.EmbeddedDirectories;
import org.opensspr.notify.Message;
import org.opensspr.notify.Message.Kind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import tools.jackson.databind.JsonNode;

/** An admin resets with two methods (email and SMS), and every other admin is told. */
class AdminResetIntegrationTests extends ServerIntegrationTest {

    private static final String DN = "uid=ops,ou=people,dc=example,dc=org";

    @Autowired
    @Qualifier("directory")
    Directory directory;

    @BeforeEach
    void aSecondAdmin() throws Exception {
        try (LDAPConnection ldap = EmbeddedDirectories.managerConnection(directory)) {
            if (ldap.getEntry(DN) == null) {
                ldap.add(
                        "dn: " + DN,
                        "objectClass: inetOrgPerson",
                        "objectClass: posixAccount",
                        "uid: ops",
                        "cn: Otto Ops",
                        "sn: Ops",
                        "mail: ops@example.org",
                        "mobile: +31612345099",
                        "uidNumber: 10099",
                        "gidNumber: 10001",
                        "homeDirectory: /home/ops",
                        "userPassword: ops-initial-pw");
                ldap.modify(
                        "cn=sspr-admins,ou=groups,dc=example,dc=org",
                        new Modification(ModificationType.ADD, "member", DN));
            }
        }
    }

    @Test
    void anAdminPassesEmailAndSmsAndTheOtherAdminsAreNotified() throws Exception {
        JsonNode flow = startFlow("ops").json();
        assertThat(flow.get("required").asInt()).isEqualTo(2);
        String flowId = flow.get("flowId").asString();
        String path = "/api/v1/reset/flows/" + flowId;

        assertThat(http.post(path + "/challenges", Map.of("methodId", "email", "contact", "ops@example.org"))
                        .status())
                .isEqualTo(202);
        String emailCode = mailbox.awaitMailCode("ops@example.org", Kind.RESET_CODE);
        assertThat(http.post(path + "/verifications", Map.of("methodId", "email", "code", emailCode))
                        .json()
                        .get("remaining")
                        .asInt())
                .isEqualTo(1);
        Http.Response early = http.post(path + "/password", Map.of("newPassword", "Ops-second-factor-1"));
        assertThat(early.status()).as("one method is not enough for an admin").isEqualTo(403);

        assertThat(http.post(path + "/challenges", Map.of("methodId", "sms", "contact", "+31 6 12345099"))
                        .status())
                .isEqualTo(202);
        String smsCode = mailbox.awaitSmsCode("+31612345099", Kind.RESET_CODE);
        assertThat(http.post(path + "/verifications", Map.of("methodId", "sms", "code", smsCode))
                        .json()
                        .get("remaining")
                        .asInt())
                .isZero();

        assertThat(http.post(path + "/password", Map.of("newPassword", "Ops-second-factor-1"))
                        .status())
                .isEqualTo(200);
        assertThat(http.basic("ops", "Ops-second-factor-1")
                        .get("/api/v1/admin/policy")
                        .status())
                .isEqualTo(200);
        assertThat(mailbox.awaitMail("admin@example.org", Kind.ADMIN_RESET_NOTICE)
                        .getSubject())
                .isEqualTo("An administrator reset their password");
        assertThat(mailbox.delivered("admin@example.org"))
                .as("one notice to the other admin")
                .hasSize(1);
        assertThat(mailbox.delivered("ops@example.org"))
                .extracting(m -> m.getHeader(Message.KIND_HEADER, null))
                .as("ops gets the code and the notice, never the notice meant for the other admins")
                .containsExactlyInAnyOrder("reset-code", "reset-notice");
    }
}
