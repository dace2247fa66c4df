package org.opensspr.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensspr.BrowserIntegrationTest;
import org.opensspr.Http;
import org.opensspr.secrets.Digests;
import tools.jackson.databind.JsonNode;

/**
 * The admin console in a real browser, in English and Dutch at desktop and phone size, each page
 * checked by axe-core: an admin changes one policy field without touching the others and finds the
 * change with its before and after in the audit; a plain user is refused; the password policy's test
 * box answers as the evaluator does; an API key is shown once and can be revoked.
 */
class ConsoleBrowserIntegrationTests extends BrowserIntegrationTest {

    private Page signedInAdmin(View view) {
        Page page = open(view);
        page.navigate(url("/admin"));
        signIn(page, view, "admin", "admin-demo-2026");
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(text(view, "console.home.title")))
                .waitFor();
        return page;
    }

    private Locator button(Page page, View view, String key) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(text(view, key)));
    }

    @ParameterizedTest
    @MethodSource("views")
    void anAdminChangesOnePolicyFieldAndTheAuditShowsItsBeforeAndAfter(View view) {
        policy(Map.of("methodsRequired", 2, "methods", java.util.List.of("email", "sms"), "allowUnlock", true));
        Page page = signedInAdmin(view);
        assertAccessible(page);
        shot(page, view, "console-home");

        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions()
                                .setName(text(view, "console.policy.title"))
                                .setExact(true))
                .first()
                .click();
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(text(view, "console.policy.title")))
                .waitFor();
        assertThat(page.getByLabel(text(view, "method.sms.name")).isChecked()).isTrue();
        assertAccessible(page);
        page.getByLabel(text(view, "console.policy.helpdeskUrl"), new Page.GetByLabelOptions().setExact(true))
                .fill("https://help.example.org/" + view.name());
        shot(page, view, "console-policy");
        button(page, view, "console.save").click();

        page.getByText(text(view, "console.saved")).waitFor();
        assertAccessible(page);
        JsonNode stored = admin.get("/api/v1/admin/policy").json();
        assertThat(stored.get("helpdeskUrl").asString()).isEqualTo("https://help.example.org/" + view.name());
        assertThat(stored.get("methodsRequired").asInt()).as("untouched").isEqualTo(2);
        assertThat(stored.get("allowUnlock").asBoolean()).as("untouched").isTrue();
        assertThat(stored.get("methods").toString()).isEqualTo("[\"email\",\"sms\"]");
        JsonNode event = admin.get("/api/v1/admin/audit?limit=1&activity=Update%20SSPR%20policy")
                .json()
                .get("events")
                .get(0);
        assertThat(event.get("actor").asString()).isEqualTo("admin");
        assertThat(event.get("clientType").asString()).isEqualTo("Browser");
        assertThat(event.get("details").asString())
                .as("only the changed field, with before and after")
                .isEqualTo("helpdeskUrl: null -> \"https://help.example.org/" + view.name() + "\"");
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions()
                                .setName(text(view, "console.audit.title"))
                                .setExact(true))
                .first()
                .click();
        page.getByLabel(text(view, "console.audit.activity"), new Page.GetByLabelOptions().setExact(true))
                .fill("Update SSPR policy");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(text(view, "console.audit.search")))
                .click();
        page.getByText("helpdeskUrl: null -> \"https://help.example.org/" + view.name() + "\"")
                .waitFor();
        assertAccessible(page);
        assertNoConsoleErrors();
    }

    @Test
    void aPolicyTheRulesRefuseIsShownWithItsFieldInDutchAndNothingIsStored() {
        View view = View.NL_DESKTOP;
        Page page = signedInAdmin(view);
        page.navigate(url("/admin/policy"));
        page.getByLabel(text(view, "console.policy.enabledFor.groups")).check();
        page.getByLabel(text(view, "console.policy.groups"), new Page.GetByLabelOptions().setExact(true))
                .fill("");
        button(page, view, "console.save").click();

        assertThat(page.getByRole(AriaRole.ALERT).textContent())
                .contains(text(view, "problem.invalid-request.policy-groups-required.detail"));
        assertAccessible(page);
        assertThat(admin.get("/api/v1/admin/policy").json().get("enabledFor").asString())
                .isEqualTo("all");
        assertNoConsoleErrors();
    }

    @Test
    void aFormMadeBeforeAnotherChangeIsRefusedAndShowsTheCurrentPolicy() {
        View view = View.EN_DESKTOP;
        Page page = signedInAdmin(view);
        page.navigate(url("/admin/policy"));
        Http.Response meanwhile = admin.patch("/api/v1/admin/policy", Map.of("allowUnlock", true));
        assertThat(meanwhile.status()).isEqualTo(200);
        page.getByLabel(text(view, "console.policy.helpdeskUrl"), new Page.GetByLabelOptions().setExact(true))
                .fill("https://help.example.org");
        button(page, view, "console.save").click();

        assertThat(page.getByRole(AriaRole.ALERT).textContent()).contains(text(view, "console.policy.stale"));
        assertThat(page.getByLabel(text(view, "console.policy.allowUnlock")).isChecked())
                .as("the page shows the other admin's change")
                .isTrue();
        JsonNode stored = admin.get("/api/v1/admin/policy").json();
        assertThat(stored.get("allowUnlock").asBoolean()).isTrue();
        assertThat(stored.hasNonNull("helpdeskUrl"))
                .as("nothing stored from the stale form")
                .isFalse();
    }

    @ParameterizedTest
    @MethodSource("views")
    void aPlainUserIsRefusedTheConsole(View view) {
        Page page = open(view);
        page.navigate(url("/admin"));
        signIn(page, view, "carol", "carol-demo-2026");
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(text(view, "error.page.403.title")))
                .waitFor();
        assertAccessible(page);
        Response policyPage = page.navigate(url("/admin/policy"));
        assertThat(policyPage.status()).isEqualTo(403);
        assertThat(page.getByText(text(view, "console.policy.intro")).count()).isZero();
        assertNoConsoleErrors(403);
    }

    @ParameterizedTest
    @MethodSource("views")
    void thePasswordPolicyTestBoxAnswersAsTheEvaluatorAsTheAdminTypes(View view) {
        Page page = signedInAdmin(view);
        page.navigate(url("/admin/password-policy"));
        assertAccessible(page);
        page.getByLabel(text(view, "console.passwordPolicy.test.login")).fill("carol");
        Locator password = page.getByLabel(text(view, "console.passwordPolicy.test.password"));
        password.fill("Carol2026!x");
        // The user's own name is banned: the live list shows it before any submit.
        page.locator("#newPassword-violations li").first().waitFor();
        assertThat(page.locator("#newPassword-violations li").first().getAttribute("data-code"))
                .isNotBlank();
        shot(page, view, "console-password-policy");
        assertAccessible(page);

        password.fill("pale-orbit-lantern-47");
        button(page, view, "console.passwordPolicy.test.run").click();
        page.getByText(text(view, "console.passwordPolicy.test.accepted")).waitFor();
        assertAccessible(page);
        assertNoConsoleErrors();
    }

    @Test
    void aPasswordPolicyChangeIsSavedAndARefusedValueIsExplained() {
        View view = View.EN_DESKTOP;
        Page page = signedInAdmin(view);
        page.navigate(url("/admin/password-policy"));
        page.getByLabel(text(view, "console.passwordPolicy.minLength")).fill("7");
        // The browser's own check would stop 7; the server's check is what is tested here.
        page.locator("form:has(#minLength)").evaluate("f => f.noValidate = true");
        button(page, view, "console.save").click();
        assertThat(page.getByRole(AriaRole.ALERT).textContent())
                .contains(text(view, "console.passwordPolicy.invalid.minLength"));
        assertThat(admin.get("/api/v1/admin/password-policy")
                        .json()
                        .get("minLength")
                        .asInt())
                .isEqualTo(8);

        page.getByLabel(text(view, "console.passwordPolicy.minLength")).fill("12");
        button(page, view, "console.save").click();
        page.getByText(text(view, "console.saved")).waitFor();
        JsonNode stored = admin.get("/api/v1/admin/password-policy").json();
        assertThat(stored.get("minLength").asInt()).isEqualTo(12);
        assertThat(stored.get("maxLength").asInt()).as("untouched").isEqualTo(256);
    }

    @Test
    void anApiKeyIsShownOnceWorksAndCanBeRevoked() {
        View view = View.NL_PHONE;
        Page page = signedInAdmin(view);
        page.navigate(url("/admin/api-keys"));
        assertAccessible(page);
        page.getByLabel(text(view, "console.apiKeys.name"), new Page.GetByLabelOptions().setExact(true))
                .fill("console-bot");
        button(page, view, "console.apiKeys.issue").click();
        String key = page.locator(".secret-once").textContent().strip();
        assertThat(key).startsWith("sspr_");
        assertAccessible(page);
        shot(page, view, "console-api-keys");
        assertThat(http.bearer(key).get("/api/v1/admin/policy").status())
                .as("the key authenticates (a key is no admin: 403, not 401)")
                .isEqualTo(403);

        page.reload();
        assertThat(page.locator(".secret-once").count()).as("shown once").isZero();
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName(text(view, "console.apiKeys.revoke.label", "console-bot")))
                .click();
        page.getByText(text(view, "console.apiKeys.revoked", "console-bot")).waitFor();
        assertThat(http.bearer(key).get("/api/v1/admin/policy").status()).isEqualTo(401);
        assertNoConsoleErrors();
    }

    @Test
    void theDevicesPageShowsReadinessAndIssuesAJoinTokenOnce() {
        View view = View.EN_DESKTOP;
        Page page = signedInAdmin(view);
        page.navigate(url("/admin/devices"));
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(text(view, "console.devices.readiness")))
                .waitFor();
        assertAccessible(page);
        page.getByLabel(text(view, "console.devices.token.uses")).fill("3");
        button(page, view, "console.devices.token.issue").click();
        page.getByText(text(view, "console.devices.token.issued")).waitFor();
        String token = page.locator(".secret-once").textContent().strip();
        assertThat(token).isNotBlank();
        Http.Response joined = http.post(
                "/api/v1/devices",
                Map.of("joinToken", token, "name", "console-pc", "os", "Windows", "osVersion", "11"));
        assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
        page.navigate(url("/admin/devices"));
        page.getByRole(
                        AriaRole.CELL,
                        new Page.GetByRoleOptions().setName("console-pc").setExact(true))
                .waitFor();
        assertAccessible(page);
        shot(page, view, "console-devices");

        // A join token is named by the first 16 hex digits of its SHA-256.
        String id = "jt_" + Digests.sha256(token).substring(0, 16);
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName(text(view, "console.devices.token.revoke.label", id)))
                .click();
        page.getByText(text(view, "console.devices.done.revoked")).waitFor();
        Http.Response refused = http.post(
                "/api/v1/devices",
                Map.of("joinToken", token, "name", "console-pc-2", "os", "Windows", "osVersion", "11"));
        assertThat(refused.status()).as("a revoked token joins nothing").isNotEqualTo(201);
        assertNoConsoleErrors();
    }

    @Test
    void theAuditPageFiltersPagesAndExportsEveryMatch() throws Exception {
        View view = View.NL_DESKTOP;
        for (int i = 0; i < 55; i++) {
            assertThat(admin.patch("/api/v1/admin/policy", Map.of("reconfirmDays", 100 + i))
                            .status())
                    .isEqualTo(200);
        }
        Page page = signedInAdmin(view);
        page.navigate(url("/admin/audit"));
        page.getByLabel(text(view, "console.audit.activity"), new Page.GetByLabelOptions().setExact(true))
                .fill("Update SSPR policy");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(text(view, "console.audit.search")))
                .click();
        page.getByText("reconfirmDays: 153 -> 154").waitFor();
        assertThat(page.locator("tbody tr").count()).isEqualTo(AuditPageController.PAGE_SIZE);
        assertAccessible(page);
        shot(page, view, "console-audit");

        assertThat(page.locator("tbody tr td:nth-child(8)").first().textContent())
                .isEqualTo("reconfirmDays: 153 -> 154");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(text(view, "console.audit.older")))
                .click();
        page.waitForURL(Pattern.compile(".*cursor=.*"));
        // This test's 5 oldest changes come first; earlier tests' policy changes may follow (the log is never emptied).
        assertThat(page.locator("tbody tr td:nth-child(8)").allTextContents().subList(0, 5))
                .containsExactly(
                        "reconfirmDays: 103 -> 104",
                        "reconfirmDays: 102 -> 103",
                        "reconfirmDays: 101 -> 102",
                        "reconfirmDays: 100 -> 101",
                        "reconfirmDays: 180 -> 100");

        Download download = page.waitForDownload(() -> page.getByRole(
                        AriaRole.LINK, new Page.GetByRoleOptions().setName(text(view, "console.audit.csv")))
                .click());
        String csv = Files.readString(download.path());
        assertThat(csv.lines().count())
                .as("the header and at least this test's 55 events, not one page")
                .isGreaterThanOrEqualTo(56);
        assertThat(csv).contains("\"reconfirmDays: 180 -> 100\"");
        for (int i = 0; i < 54; i++) {
            assertThat(csv).contains("\"reconfirmDays: " + (100 + i) + " -> " + (101 + i) + "\"");
        }
        assertNoConsoleErrors();
    }

    @Test
    void brandingSavedInTheConsoleShowsOnThePortal() {
        View view = View.EN_DESKTOP;
        Page page = signedInAdmin(view);
        page.navigate(url("/admin/branding"));
        assertAccessible(page);
        page.getByLabel(text(view, "console.branding.organisationName")).fill("Acme Works");
        page.getByLabel(text(view, "console.branding.primaryColour")).fill("#777777");
        button(page, view, "console.save").click();
        assertThat(page.getByRole(AriaRole.ALERT).textContent()).contains("4.47:1");
        assertAccessible(page);

        page.getByLabel(text(view, "console.branding.primaryColour")).fill("#1f5fa8");
        button(page, view, "console.save").click();
        page.getByText(text(view, "console.branding.done.saved")).waitFor();
        shot(page, view, "console-branding");
        Page portal = open(view);
        portal.navigate(url("/reset"));
        assertThat(portal.locator("header").textContent()).contains("Acme Works");
        assertNoConsoleErrors();
    }

    @ParameterizedTest
    @MethodSource("views")
    void everyConsolePageHasNoAccessibilityViolationInEitherLanguage(View view) {
        Page page = signedInAdmin(view);
        for (String path : new String[] {
            "/admin",
            "/admin/policy",
            "/admin/password-policy",
            "/admin/devices",
            "/admin/api-keys",
            "/admin/audit",
            "/admin/insights",
            "/admin/branding",
            "/admin/helpdesk?login=carol"
        }) {
            Response response = page.navigate(url(path));
            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(page.locator("html").getAttribute("lang"))
                    .isEqualTo(view.locale().getLanguage());
            assertAccessible(page);
        }
        assertNoConsoleErrors();
    }
}
