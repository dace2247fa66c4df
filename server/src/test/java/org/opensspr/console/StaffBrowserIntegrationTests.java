package org.opensspr.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensspr.BrowserIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The console's helpdesk and insights pages in a real browser, in English and Dutch at desktop and
 * phone size, with axe-core: a helpdesk member (who sees only the helpdesk) lifts a user's real
 * block; an admin reads the insights charts and their tables; plain users and the helpdesk are
 * refused what is not theirs.
 */
class StaffBrowserIntegrationTests extends BrowserIntegrationTest {

    private Page signedIn(View view, String login, String password) {
        Page page = open(view);
        page.navigate(url("/admin"));
        signIn(page, view, login, password);
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(text(view, "console.home.title")))
                .waitFor();
        return page;
    }

    /** Five wrong email codes from this network: carol is blocked from resetting here. */
    private void blockCarol() {
        for (int i = 0; i < 5; i++) {
            String flowId = startFlow("carol").json().get("flowId").asString();
            assertThat(http.post(
                                    "/api/v1/reset/flows/" + flowId + "/verifications",
                                    Map.of("methodId", "email", "code", "00000000"))
                            .status())
                    .isEqualTo(400);
        }
        assertThat(startFlow("carol").status()).as("blocked").isEqualTo(429);
    }

    @ParameterizedTest
    @MethodSource("views")
    void aHelpdeskMemberLiftsAUsersBlock(View view) {
        blockCarol();
        Page page = signedIn(view, "helpdesk", "helpdesk-demo-2026");
        assertThat(page.getByRole(
                                AriaRole.LINK,
                                new Page.GetByRoleOptions()
                                        .setName(text(view, "console.policy.title"))
                                        .setExact(true))
                        .count())
                .as("the helpdesk sees no admin sections")
                .isZero();
        assertAccessible(page);
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions()
                                .setName(text(view, "console.helpdesk.title"))
                                .setExact(true))
                .first()
                .click();
        page.getByLabel(text(view, "console.helpdesk.login"), new Page.GetByLabelOptions().setExact(true))
                .fill("carol");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(text(view, "console.helpdesk.find")))
                .click();
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Carol Danvers (carol)"))
                .waitFor();
        assertThat(page.getByText("failed the email verification 5 times").count())
                .isPositive();
        assertAccessible(page);
        shot(page, view, "console-helpdesk-blocked");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(text(view, "console.helpdesk.lift")))
                .click();
        page.getByText(text(view, "console.helpdesk.done.lifted")).waitFor();
        assertThat(page.getByText(text(view, "console.helpdesk.noBlocks")).isVisible())
                .isTrue();
        assertAccessible(page);
        shot(page, view, "console-helpdesk-lifted");
        assertThat(startFlow("carol").status()).as("carol may reset again").isEqualTo(201);
        JsonNode event = admin.get("/api/v1/admin/audit?limit=1&activity=Lift%20block%20(helpdesk)")
                .json()
                .get("events")
                .get(0);
        assertThat(event.get("actor").asString()).isEqualTo("helpdesk");
        assertThat(event.get("target").asString()).isEqualTo("carol");
        assertThat(event.get("clientType").asString()).isEqualTo("Browser");

        Response policy = page.navigate(url("/admin/policy"));
        assertThat(policy.status()).as("the helpdesk has no admin powers").isEqualTo(403);
        assertNoConsoleErrors(403);
    }

    @Test
    void anUnknownUserIsSaidToBeUnknownInDutch() {
        View view = View.NL_DESKTOP;
        Page page = signedIn(view, "helpdesk", "helpdesk-demo-2026");
        page.navigate(url("/admin/helpdesk?login=nobody-like-this"));
        assertThat(page.getByRole(AriaRole.ALERT).textContent())
                .contains(text(view, "problem.user-not-found.detail", "nobody-like-this"));
        assertAccessible(page);
    }

    @ParameterizedTest
    @MethodSource("views")
    void anAdminReadsTheInsightsChartsAndTheirNumbers(View view) {
        blockCarol();
        Page page = signedIn(view, "admin", "admin-demo-2026");
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions()
                                .setName(text(view, "console.insights.title"))
                                .setExact(true))
                .first()
                .click();
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(text(view, "console.insights.title")))
                .waitFor();
        assertThat(page.locator("svg[role=img]").count())
                .as("coverage and four daily charts")
                .isEqualTo(5);
        assertThat(page.locator("svg[role=img] title").first().textContent())
                .isEqualTo(text(view, "console.insights.coverage"));
        assertThat(page.locator("svg script").count()).isZero();
        // The most blocked logins (carol was just blocked; earlier tests may have blocked more), each a
        // link to the helpdesk page; the exact counts are InsightsIntegrationTests' business.
        Locator blocked = page.locator("section[aria-labelledby=blocked-title] tbody tr a");
        assertThat(blocked.count()).isBetween(1, 10);
        assertThat(blocked.first().getAttribute("href")).contains("/admin/helpdesk?login=");
        assertAccessible(page);
        shot(page, view, "console-insights");
        assertNoConsoleErrors();
    }

    @Test
    void aBadRangeIsExplainedAndTheDefaultRangeShown() {
        View view = View.EN_DESKTOP;
        Page page = signedIn(view, "admin", "admin-demo-2026");
        page.navigate(url("/admin/insights?from=2026-12-01&to=2025-01-01"));
        assertThat(page.getByRole(AriaRole.ALERT).count()).isEqualTo(1);
        assertThat(page.locator("svg[role=img]").count()).isEqualTo(5);
        assertAccessible(page);
    }

    @Test
    void aPlainUserIsRefusedTheHelpdeskAndTheInsights() {
        View view = View.EN_DESKTOP;
        Page page = open(view);
        page.navigate(url("/admin/helpdesk"));
        signIn(page, view, "carol", "carol-demo-2026");
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(text(view, "error.page.403.title")))
                .waitFor();
        assertThat(page.navigate(url("/admin/insights")).status()).isEqualTo(403);
        assertNoConsoleErrors(403);
    }
}
