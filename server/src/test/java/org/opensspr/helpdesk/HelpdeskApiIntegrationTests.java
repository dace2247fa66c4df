package org.opensspr.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPConnection;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensspr.Http;
import org.opensspr.Mailbox;
import org.opensspr.PortalSession;
import org.opensspr.ServerIntegrationTest;
import org.opensspr.directory.Directory;
import org.opensspr.directory.EmbeddedDirectories;
import org.opensspr.notify.Message.Kind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import tools.jackson.databind.JsonNode;

/**
 * The helpdesk API against the whole application: who may call it (helpdesk members and admins;
 * helpdesk members never the admin API), a user looked up with masked methods, a real block lifted,
 * a method cleared, re-registration required at the next sign-in, a reset link mailed, and a support
 * code from a real page error found again. Every change is audited with the staff member as actor.
 */
class HelpdeskApiIntegrationTests extends ServerIntegrationTest {

    private static final String NO_MAIL_DN = "uid=quinn,ou=people,dc=example,dc=org";
    private static final Pattern SUPPORT_CODE = Pattern.compile("Support code: ([A-Z2-9]{8})");

    @Autowired
    @Qualifier("directory")
    Directory directory;

    private Http helpdesk;

    @BeforeEach
    void staff() throws Exception {
        helpdesk = http.basic("helpdesk", "helpdesk-demo-2026");
        try (LDAPConnection ldap = EmbeddedDirectories.managerConnection(directory)) {
            if (ldap.getEntry(NO_MAIL_DN) == null) {
                ldap.add(
                        "dn: " + NO_MAIL_DN,
                        "objectClass: inetOrgPerson",
                        "objectClass: posixAccount",
                        "uid: quinn",
                        "cn: Quinn Nomail",
                        "sn: Nomail",
                        "uidNumber: 10097",
                        "gidNumber: 10001",
                        "homeDirectory: /home/quinn",
                        "userPassword: quinn-initial-pw");
            }
        }
    }

    @Test
    void helpdeskMembersAndAdminsMayCallItOthersMayNot() {
        assertThat(http.get("/api/v1/helpdesk/users/alice").status())
                .as("anonymous")
                .isEqualTo(401);
        Http.Response plain = http.basic("alice", "alice-demo-2026").get("/api/v1/helpdesk/users/bob");
        assertThat(plain.status()).as("a plain user").isEqualTo(403);
        assertThat(plain.json().get("type").asString()).endsWith("/forbidden");

        assertThat(helpdesk.get("/api/v1/helpdesk/users/alice").status()).isEqualTo(200);
        assertThat(helpdesk.get("/api/v1/admin/policy").status())
                .as("a helpdesk member has no admin powers")
                .isEqualTo(403);
        assertThat(helpdesk.get("/api/v1/admin/audit").status()).isEqualTo(403);

        assertThat(http.basic("admin", "admin-demo-2026")
                        .get("/api/v1/helpdesk/users/alice")
                        .status())
                .as("an admin has every helpdesk power")
                .isEqualTo(200);
        assertThat(admin.get("/api/v1/helpdesk/users/alice").status())
                .as("the bootstrap token is an admin")
                .isEqualTo(200);
    }

    @Test
    void aLookupShowsTheMethodsMaskedAndWhereTheyComeFrom() {
        Http.Response contact = admin.put(
                "/api/v1/admin/users/bob/contact", Map.of("email", "bob.private@example.net", "phone", "+31612345678"));
        assertThat(contact.status()).as(contact.toString()).isEqualTo(200);

        Http.Response found = helpdesk.get("/api/v1/helpdesk/users/BOB");
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        JsonNode user = found.json();
        assertThat(user.get("login").asString()).isEqualTo("bob");
        assertThat(user.get("displayName").asString()).isEqualTo("Bob Builder");
        assertThat(user.get("inScope").asBoolean()).isTrue();
        assertThat(user.get("canReset").asBoolean()).isTrue();
        assertThat(user.get("required").asInt()).isEqualTo(1);
        JsonNode email = user.get("methods").get(0);
        assertThat(email.get("type").asString()).isEqualTo("email");
        assertThat(email.get("hint").asString()).isEqualTo("b*****@e*****.net");
        assertThat(email.get("source").asString()).isEqualTo("prefilled");
        assertThat(found.body())
                .as("never a full address or number")
                .doesNotContain("bob.private@example.net")
                .doesNotContain("+31612345678");
        assertThat(user.get("registration").get("interrupt").asString()).isEqualTo("NONE");
        assertThat(user.get("blocks").get("reset").size()).isZero();
        assertThat(user.get("blocks").has("signInLockedUntil")).isFalse();
        assertThat(user.get("lastActivity").get(0).get("activity").asString()).isEqualTo("Admin updated security info");

        Http.Response unknown = helpdesk.get("/api/v1/helpdesk/users/nobody-like-this");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asString()).endsWith("/user-not-found");
        assertThat(helpdesk.send("DELETE", "/api/v1/helpdesk/users/nobody-like-this/blocks", null)
                        .status())
                .as("the same answer for every action")
                .isEqualTo(404);
    }

    @Test
    void liftingBlocksEndsARealResetBlockAndASignInLockOut() {
        for (int i = 0; i < 5; i++) {
            String flowId = startFlow("carol").json().get("flowId").asString();
            assertThat(http.post(
                                    "/api/v1/reset/flows/" + flowId + "/verifications",
                                    Map.of("methodId", "email", "code", "00000000"))
                            .status())
                    .isEqualTo(400);
        }
        assertThat(startFlow("carol").status()).as("blocked").isEqualTo(429);
        assertThat(List.of(me("carol", "wrong-1"), me("carol", "wrong-2"))).containsOnly(401);
        assertThat(me("carol", "carol-demo-2026")).as("locked out").isEqualTo(429);

        JsonNode blocks = helpdesk.get("/api/v1/helpdesk/users/carol").json().get("blocks");
        assertThat(blocks.get("reset").size()).isEqualTo(1);
        JsonNode block = blocks.get("reset").get(0);
        assertThat(block.get("everywhere").asBoolean())
                .as("blocked from this network only")
                .isFalse();
        assertThat(block.get("reason").asString()).contains("failed the email verification 5 times");
        assertThat(Instant.parse(block.get("until").asString())).isAfter(clock.instant());
        assertThat(Instant.parse(blocks.get("signInLockedUntil").asString())).isAfter(clock.instant());

        Http.Response lifted = helpdesk.send("DELETE", "/api/v1/helpdesk/users/carol/blocks", null);
        assertThat(lifted.status()).as(lifted.toString()).isEqualTo(204);

        JsonNode after = helpdesk.get("/api/v1/helpdesk/users/carol").json().get("blocks");
        assertThat(after.get("reset").size()).isZero();
        assertThat(after.has("signInLockedUntil")).isFalse();
        assertThat(startFlow("carol").status()).isEqualTo(201);
        assertThat(me("carol", "carol-demo-2026")).isEqualTo(200);
        String flowId = startFlow("carol").json().get("flowId").asString();
        assertThat(http.post(
                                "/api/v1/reset/flows/" + flowId + "/verifications",
                                Map.of("methodId", "email", "code", "00000000"))
                        .status())
                .isEqualTo(400);
        assertThat(startFlow("carol").status())
                .as("the failures that led to the block are forgotten too")
                .isEqualTo(201);
        assertAudited("carol", "Lift block (helpdesk)", "Lifted 1 reset block and the sign-in lock-out");
    }

    @Test
    void clearingAMethodRemovesTheRegistrationAndThePrefilledContactAndTellsTheUser() {
        policy(Map.of("methods", List.of("email", "sms")));
        admin.put("/api/v1/admin/users/bob/contact", Map.of("phone", "+31612345678"));
        jdbc.sql("INSERT INTO registered_method (login, type, method_value, last_step, registered_at)"
                        + " VALUES ('bob', 'sms', '+31612345679', -1, :at)")
                .param("at", clock.instant().toEpochMilli())
                .update();

        Http.Response cleared = helpdesk.send("DELETE", "/api/v1/helpdesk/users/bob/methods/sms", null);
        assertThat(cleared.status()).as(cleared.toString()).isEqualTo(204);

        JsonNode methods = helpdesk.get("/api/v1/helpdesk/users/bob").json().get("methods");
        List<String> sources = new ArrayList<>();
        methods.forEach(m ->
                sources.add(m.get("type").asString() + ":" + m.get("source").asString()));
        assertThat(sources)
                .as("the directory's mobile still counts while useDirectoryContacts is on")
                .contains("sms:directory");
        assertThat(mailbox.awaitMail("bob@example.org", Kind.SECURITY_INFO_NOTICE))
                .isNotNull();
        assertAudited("bob", "Delete security info (helpdesk)", "Cleared sms (registered, prefilled)");

        Http.Response again = helpdesk.send("DELETE", "/api/v1/helpdesk/users/bob/methods/sms", null);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("type").asString()).endsWith("/method-not-registered");
        assertThat(again.json().get("detail").asString()).contains("The user has no sms method");
    }

    @Test
    void requiredRegistrationSendsTheUserToTheInterruptAtTheNextSignIn() {
        PortalSession before = new PortalSession("http://127.0.0.1:" + port);
        assertThat(PortalSession.location(before.signIn("alice", "alice-demo-2026")))
                .doesNotContain("/register/interrupt");

        Http.Response required = helpdesk.post("/api/v1/helpdesk/users/alice/require-registration", Map.of());
        assertThat(required.status()).as(required.toString()).isEqualTo(204);
        JsonNode registration =
                helpdesk.get("/api/v1/helpdesk/users/alice").json().get("registration");
        assertThat(registration.get("demandedByHelpdesk").asBoolean()).isTrue();
        assertThat(registration.get("interrupt").asString()).isEqualTo("RECONFIRM");

        PortalSession browser = new PortalSession("http://127.0.0.1:" + port);
        assertThat(PortalSession.location(browser.signIn("alice", "alice-demo-2026")))
                .endsWith("/register/interrupt");
        assertAudited(
                "alice",
                "Require re-registration of security info (helpdesk)",
                "User must register or confirm security info at the next sign-in");
    }

    @Test
    void aResetLinkGoesToEveryAddressOnFileInTheUsersLanguage() throws Exception {
        admin.put("/api/v1/admin/users/dirk/contact", Map.of("email", "dirk.thuis@example.net"));

        Http.Response sent = helpdesk.post("/api/v1/helpdesk/users/dirk/reset-link", Map.of());
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);

        for (String address : List.of("dirk@example.org", "dirk.thuis@example.net")) {
            MimeMessage mail = mailbox.awaitMail(address, Kind.RESET_LINK);
            assertThat(mail.getSubject()).isEqualTo("Uw wachtwoord opnieuw instellen");
            assertThat(Mailbox.text(mail)).contains("http://127.0.0.1:" + port + "/reset?login=dirk");
        }
        PortalSession browser = new PortalSession("http://127.0.0.1:" + port);
        assertThat(browser.get("/reset?login=dirk").body()).contains("value=\"dirk\"");
        assertAudited("dirk", "Send password reset link (helpdesk)", "Sent a reset link to 2 email addresses");

        Http.Response none = helpdesk.post("/api/v1/helpdesk/users/quinn/reset-link", Map.of());
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.json().get("type").asString()).endsWith("/no-email-on-file");
    }

    @Test
    void aSupportCodeFromAPageErrorLeadsToTheUserAndTheEvent() {
        String blocked = "carol";
        for (int i = 0; i < 5; i++) {
            String flowId = startFlow(blocked).json().get("flowId").asString();
            http.post(
                    "/api/v1/reset/flows/" + flowId + "/verifications",
                    Map.of("methodId", "email", "code", "00000000"));
        }
        PortalSession browser = new PortalSession("http://127.0.0.1:" + port);
        browser.get("/reset");
        HttpResponse<String> page =
                browser.post("/reset/start", Map.of("login", blocked, "captcha", solvedCaptcha(http)));
        Matcher shown = SUPPORT_CODE.matcher(page.body());
        assertThat(shown.find()).as(page.body()).isTrue();
        String code = shown.group(1);

        Http.Response found = awaitSupportCode(code);
        JsonNode lookup = found.json();
        assertThat(lookup.get("code").asString()).isEqualTo(code);
        assertThat(lookup.get("login").asString()).isEqualTo(blocked);
        assertThat(lookup.get("displayName").asString()).isEqualTo("Carol Danvers");
        assertThat(lookup.get("page").asString()).isEqualTo("/reset");
        assertThat(lookup.get("clientType").asString()).isEqualTo("Browser");
        assertThat(lookup.get("error").asString())
                .isEqualTo("CodedProblem: 429 https://opensspr.org/problems/reset-blocked");
        List<String> activities = new ArrayList<>();
        lookup.get("events").forEach(e -> activities.add(e.get("activity").asString()));
        assertThat(activities).contains("Blocked from self-service password reset");

        Http.Response unknown = helpdesk.get("/api/v1/helpdesk/support-codes/AAAAAAAA");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asString()).endsWith("/support-code-not-found");
    }

    /** The code is recorded off the page's thread: wait for it, with a deadline. */
    private Http.Response awaitSupportCode(String code) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            Http.Response found = helpdesk.get("/api/v1/helpdesk/support-codes/" + code);
            if (found.status() != 404 || System.nanoTime() > deadline) {
                assertThat(found.status()).as(found.toString()).isEqualTo(200);
                return found;
            }
            Thread.onSpinWait();
        }
    }

    private int me(String login, String password) {
        return http.basic(login, password).get("/api/v1/me/methods").status();
    }

    private void assertAudited(String target, String activity, String details) {
        JsonNode event = admin.get("/api/v1/admin/audit?target=" + target + "&activity="
                        + URLEncoder.encode(activity, StandardCharsets.UTF_8)
                        + "&limit=1")
                .json()
                .get("events")
                .get(0);
        assertThat(event).as(activity).isNotNull();
        assertThat(event.get("actor").asString()).isEqualTo("helpdesk");
        assertThat(event.get("result").asString()).isEqualTo("Success");
        assertThat(event.get("details").asString()).isEqualTo(details);
        assertThat(event.get("clientType").asString()).isEqualTo("Browser");
        assertThat(event.get("ip").asString()).isNotBlank();
    }
}
