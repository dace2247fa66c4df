package org.opensspr.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensspr.Http;
import org.opensspr.Mailbox;
import org.opensspr.PortalSession;
import org.opensspr.ServerIntegrationTest;
import org.opensspr.notify.Message.Kind;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 11 in the portal: a session opened before the owner's reset is over after it; a signed-in
 * session confirms it is the user before it changes security info; the session cookie is HttpOnly
 * and SameSite=Lax.
 */
class PortalSessionIntegrationTests extends ServerIntegrationTest {

    private static final String ALICE_MAIL = "alice@example.org";
    private static final String INTRUDER = "intruder@example.net";

    private PortalSession signedIn(String login, String password) {
        PortalSession session = new PortalSession("http://127.0.0.1:" + port);
        HttpResponse<String> signedIn = session.signIn(login, password);
        assertThat(PortalSession.location(signedIn)).as(signedIn.body()).isEqualTo("/register");
        assertThat(session.get("/register").statusCode()).isEqualTo(200);
        return session;
    }

    @Test
    void aSessionSignedInBeforeTheOwnersResetCanNoLongerRegisterAMethod() {
        PortalSession intruder = signedIn("alice", "alice-demo-2026");
        clock.advance(Duration.ofSeconds(1));

        resetByEmail("alice", ALICE_MAIL, "Alice-took-it-back-7");

        HttpResponse<String> attempt = intruder.post("/register/email", Map.of("address", INTRUDER));
        assertThat(attempt.statusCode()).isIn(302, 403);
        assertThat(PortalSession.location(attempt)).isIn("/login", "");
        assertThat(PortalSession.location(intruder.get("/register")))
                .as("sent to sign in again")
                .isEqualTo("/login");
        assertThat(mailbox.delivered(INTRUDER)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM registered_method")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void signingInGivesANewSessionIdAndSigningOutEndsTheSession() {
        PortalSession session = new PortalSession("http://127.0.0.1:" + port);
        session.get("/login");
        String beforeSignIn = session.cookie(SessionCookies.NAME);
        assertThat(beforeSignIn)
                .as("the sign-in form's CSRF token lives in a session")
                .isNotNull();

        HttpResponse<String> signedIn =
                session.post("/login", Map.of("username", "alice", "password", "alice-demo-2026"));
        assertThat(PortalSession.location(signedIn)).as(signedIn.body()).isEqualTo("/register");
        String afterSignIn = session.cookie(SessionCookies.NAME);
        assertThat(afterSignIn).as("a new session id at sign-in").isNotNull().isNotEqualTo(beforeSignIn);
        assertThat(session.get("/register").statusCode()).isEqualTo(200);

        HttpResponse<String> signedOut = session.post("/logout", Map.of());
        assertThat(PortalSession.location(signedOut)).isEqualTo("/login?logout");
        PortalSession kept = new PortalSession("http://127.0.0.1:" + port).withCookie(SessionCookies.NAME, afterSignIn);
        assertThat(PortalSession.location(kept.get("/register")))
                .as("the signed-out session id no longer signs anyone in")
                .isEqualTo("/login");
    }

    @Test
    void aSignedInSessionLivesInTheDatabaseWithEveryValueSealed() {
        PortalSession session = signedIn("alice", "alice-demo-2026");
        String id = session.cookie(SessionCookies.NAME);
        assertThat(id).as("256 random bits, base64url").matches("[A-Za-z0-9_-]{43}");
        assertThat(jdbc.sql("SELECT principal_name FROM spring_session WHERE session_id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .as("any node finds the session by the cookie")
                .isEqualTo("alice");
        List<byte[]> values = jdbc.sql("SELECT a.attribute_bytes FROM spring_session_attributes a"
                        + " JOIN spring_session s ON s.primary_id = a.session_primary_id WHERE s.session_id = ?")
                .param(id)
                .query(byte[].class)
                .list();
        assertThat(values).as("the security context and the sign-in instant").hasSizeGreaterThanOrEqualTo(2);
        // Java serialization would show the login and the class names in the clear; sealed bytes show neither.
        assertThat(values)
                .noneMatch(bytes -> new String(bytes, StandardCharsets.ISO_8859_1).contains("alice"))
                .noneMatch(bytes -> new String(bytes, StandardCharsets.ISO_8859_1).contains("java.lang"));

        jdbc.sql("DELETE FROM spring_session WHERE session_id = ?").param(id).update();
        assertThat(PortalSession.location(session.get("/register")))
                .as("the database is the session's only home: no node keeps a copy")
                .isEqualTo("/login");
    }

    @Test
    void onlyThePortalsPagesReadTheSessionFromTheDatabase() {
        PortalSession session = signedIn("alice", "alice-demo-2026");
        String id = session.cookie(SessionCookies.NAME);
        long aMinuteAgo = System.currentTimeMillis() - 60_000;
        jdbc.sql("UPDATE spring_session SET last_access_time = ? WHERE session_id = ?")
                .params(aMinuteAgo, id)
                .update();

        // The browser sends the cookie with its stylesheet, its scripts and their API calls too; none needs a session.
        assertThat(session.get("/css/portal.css").statusCode()).isEqualTo(200);
        assertThat(session.get("/js/pow.js").statusCode()).isEqualTo(200);
        assertThat(lastAccess(id)).as("neither loaded nor saved the session").isEqualTo(aMinuteAgo);

        assertThat(session.get("/register").statusCode()).isEqualTo(200);
        assertThat(lastAccess(id)).as("a page does").isGreaterThan(aMinuteAgo);
    }

    private long lastAccess(String sessionId) {
        return jdbc.sql("SELECT last_access_time FROM spring_session WHERE session_id = ?")
                .param(sessionId)
                .query(Long.class)
                .single();
    }

    @Autowired
    ExpiredSessions expiredSessions;

    @Test
    void expiredSessionsAreDeletedByTheMinutelyJob() {
        String id = signedIn("alice", "alice-demo-2026").cookie(SessionCookies.NAME);
        jdbc.sql("UPDATE spring_session SET expiry_time = 1 WHERE session_id = ?")
                .param(id)
                .update();
        expiredSessions.delete();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE session_id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aBusySessionMustSignInAgainTwelveHoursAfterItSignedIn() {
        PortalSession session = signedIn("alice", "alice-demo-2026");
        clock.advance(Duration.ofHours(12).minusMinutes(1));
        assertThat(session.get("/register").statusCode()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(2));
        assertThat(PortalSession.location(session.get("/register")))
                .as("past the absolute lifetime")
                .isEqualTo("/login");
    }

    @Test
    void theSessionThatChangedThePasswordGoesOnAndEveryOtherEnds() {
        PortalSession other = signedIn("alice", "alice-demo-2026");
        PortalSession changing = signedIn("alice", "alice-demo-2026");
        clock.advance(Duration.ofSeconds(1));

        HttpResponse<String> changed = changing.post(
                "/change",
                Map.of(
                        "currentPassword",
                        "alice-demo-2026",
                        "newPassword",
                        "Alice-changed-it-8",
                        "confirmPassword",
                        "Alice-changed-it-8"));
        assertThat(PortalSession.location(changed)).as(changed.body()).isEqualTo("/change?changed");

        assertThat(changing.get("/register").statusCode()).isEqualTo(200);
        assertThat(PortalSession.location(other.get("/register"))).isEqualTo("/login");
    }

    @Test
    void aSignedInSessionConfirmsItIsTheUserBeforeItAddsAnEmail() throws Exception {
        PortalSession alice = signedIn("alice", "alice-demo-2026");

        HttpResponse<String> refused = alice.post("/register/email", Map.of("address", INTRUDER));
        assertThat(PortalSession.location(refused)).isEqualTo("/register/step-up");
        assertThat(mailbox.delivered(INTRUDER)).as("no code without a proof").isEmpty();
        assertThat(alice.get("/register/step-up?lang=nl").body()).contains("Bevestig dat u het bent");
        assertThat(alice.get("/register/step-up?lang=en").body())
                .contains("Confirm it is you")
                .contains("a*****@e*****.org");

        HttpResponse<String> sent = alice.post("/register/step-up/challenge", Map.of("methodId", "email"));
        assertThat(sent.statusCode()).isEqualTo(200);
        String code = mailbox.awaitMailCode(ALICE_MAIL, Kind.STEP_UP_CODE);
        HttpResponse<String> wrong = alice.post(
                "/register/step-up/verify",
                Map.of("methodId", "email", "code", code.equals("00000000") ? "11111111" : "00000000"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("The code is wrong");
        HttpResponse<String> confirmed =
                alice.post("/register/step-up/verify", Map.of("methodId", "email", "code", code));
        assertThat(PortalSession.location(confirmed))
                .as("back to the page that asked")
                .isEqualTo("/register/email?confirmed");

        alice.get("/register/email?confirmed");
        assertThat(PortalSession.location(alice.post("/register/email", Map.of("address", INTRUDER))))
                .isEqualTo("/register/email");
        alice.get("/register/email");
        String registration = mailbox.awaitMailCode(INTRUDER, Kind.REGISTRATION_CODE);
        assertThat(PortalSession.location(alice.post("/register/email/verify", Map.of("code", registration))))
                .isEqualTo("/register?saved");
        assertThat(Mailbox.text(mailbox.awaitMail(ALICE_MAIL, Kind.SECURITY_INFO_NOTICE)))
                .contains("i*****@e*****.net")
                .doesNotContain(INTRUDER);

        resetByEmail("alice", INTRUDER, "Reset-through-the-new-address-9");
        assertThat(Mailbox.text(mailbox.awaitMail(ALICE_MAIL, Kind.RESET_NOTICE)))
                .as("the address the reset did not use hears of it too")
                .contains("was just reset");
    }

    @Test
    void theSignInFormKeepsTheUserNameButNeverThePassword() {
        PortalSession carol = new PortalSession("http://127.0.0.1:" + port);
        assertThat(PortalSession.location(carol.signIn("carol", "not-her-password-42")))
                .isEqualTo("/login?error");
        String page = carol.get("/login?error").body();
        assertThat(page)
                .contains("The user name or password is not right.")
                .contains("value=\"carol\"")
                .doesNotContain("not-her-password-42");
        assertThat(carol.get("/login").body())
                .as("a fresh sign-in page is empty")
                .doesNotContain("value=\"carol\"");
    }

    @Test
    void onLoopbackTheSessionCookieIsHttpOnlyAndSameSiteLaxButNotSecure() {
        HttpResponse<String> login = new PortalSession("http://127.0.0.1:" + port).get("/login");
        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("sspr-session="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + login.headers()));
        assertThat(cookie).contains("; Path=/").contains("; HttpOnly").contains("; SameSite=Lax");
        assertThat(cookie).doesNotContain("Secure");
    }

    /** The owner resets their password over the REST flow with a code sent to their email. */
    private void resetByEmail(String login, String address, String newPassword) {
        String flowId = startFlow(login).json().get("flowId").asString();
        String flow = "/api/v1/reset/flows/" + flowId;
        assertThat(http.post(flow + "/challenges", Map.of("methodId", "email", "contact", address))
                        .status())
                .isEqualTo(202);
        String code = mailbox.awaitMailCode(address, Kind.RESET_CODE);
        assertThat(http.post(flow + "/verifications", Map.of("methodId", "email", "code", code))
                        .status())
                .isEqualTo(200);
        Http.Response reset = http.post(flow + "/password", Map.of("newPassword", newPassword));
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
    }
}
