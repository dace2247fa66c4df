package org.opensspr.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensspr.Http;
import org.opensspr.Mailbox;
import org.opensspr.ServerIntegrationTest;
import org.opensspr.directory.Directory;
import org.opensspr.directory.EmbeddedDirectories;
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
                ldap.add("dn: " + DN, "objectClass: inetOrgPerson", "objectClass: posixAccount", "uid: ops", "cn: Otto Ops",
                        "sn: Ops", "mail: ops@example.org", "mobile: +31612345099", "uidNumber: 10099", "gidNumber: 10001",
                        "homeDirectory: /home/ops", "userPassword: ops-initial-pw");
                ldap.modify("cn=sspr-admins,ou=groups,dc=example,dc=org", new Modification(ModificationType.ADD, "member", DN));
            }
        }
    }

    @Test
    void anAdminPassesEmailAndSmsAndTheOtherAdminsAreNotified() throws Exception {
        JsonNode flow = startFlow("ops").json();
        assertThat(flow.get("required").asInt()).isEqualTo(2);
        String flowId = flow.get("flowId").asString();
        String path = "/api/v1/reset/flows/" + flowId;

        int mails = Mailbox.mailTo(SMTP, "ops@example.org").size();
        assertThat(http.post(path + "/challenges", Map.of("methodId", "email", "contact", "ops@example.org")).status()).isEqualTo(202);
        String emailCode = Mailbox.codeInMail(SMTP, "ops@example.org", mails);
        assertThat(http.post(path + "/verifications", Map.of("methodId", "email", "code", emailCode)).json().get("remaining").asInt())
                .isEqualTo(1);
        Http.Response early = http.post(path + "/password", Map.of("newPassword", "Ops-second-factor-1"));
        assertThat(early.status()).as("one method is not enough for an admin").isEqualTo(403);

        int texts = Mailbox.smsTo(dataDir().resolve("outbox"), "+31612345099").size();
        assertThat(http.post(path + "/challenges", Map.of("methodId", "sms", "contact", "+31 6 12345099")).status()).isEqualTo(202);
        String smsCode = Mailbox.codeInSms(dataDir().resolve("outbox"), "+31612345099", texts);
        assertThat(http.post(path + "/verifications", Map.of("methodId", "sms", "code", smsCode)).json().get("remaining").asInt())
                .isZero();

        int notices = Mailbox.mailTo(SMTP, "admin@example.org").size();
        assertThat(http.post(path + "/password", Map.of("newPassword", "Ops-second-factor-1")).status()).isEqualTo(200);
        assertThat(http.basic("ops", "Ops-second-factor-1").get("/api/v1/admin/policy").status()).isEqualTo(200);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (Mailbox.mailTo(SMTP, "admin@example.org").size() == notices && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(Mailbox.mailTo(SMTP, "admin@example.org")).hasSize(notices + 1);
        assertThat(Mailbox.mailTo(SMTP, "admin@example.org").get(notices).getSubject()).isEqualTo("An administrator reset their password");
    }
}
