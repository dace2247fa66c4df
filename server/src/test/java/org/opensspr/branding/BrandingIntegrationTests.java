package org.opensspr.branding;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensspr.Http;
import org.opensspr.Mailbox;
import org.opensspr.PortalSession;
import org.opensspr.ServerIntegrationTest;
import org.opensspr.notify.Message.Kind;
import tools.jackson.databind.JsonNode;

/**
 * The branding API (who may call it, what it validates and audits), the public logo and stylesheet, and
 * the branding on the portal's pages and in mails. The base class empties {@code settings} and
 * {@code branding_logo} before each test, so every test starts from the default look.
 */
class BrandingIntegrationTests extends ServerIntegrationTest {

    private static final String LOGO = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">"
            + "<rect width=\"10\" height=\"10\" fill=\"#123456\"/></svg>";

    private Http.Response uploadSvg(String svg) {
        return admin.header("Content-Type", "image/svg+xml").send("PUT", "/api/v1/admin/branding/logo", svg);
    }

    private String lastAuditDetails() {
        return admin.get("/api/v1/admin/audit?limit=1&activity=Update%20branding")
                .json()
                .get("events")
                .get(0)
                .get("details")
                .asString();
    }

    @Test
    void onlyAdminsMayReadOrChangeTheBranding() {
        assertThat(http.get("/api/v1/admin/branding").status()).isEqualTo(401);
        assertThat(http.put("/api/v1/admin/branding", Map.of()).status()).isEqualTo(401);
        Http alice = http.basic("alice", "alice-demo-2026");
        assertThat(alice.get("/api/v1/admin/branding").status()).isEqualTo(403);
        assertThat(alice.patch("/api/v1/admin/branding", Map.of("organisationName", "Evil"))
                        .status())
                .isEqualTo(403);
        assertThat(alice.header("Content-Type", "image/svg+xml")
                        .send("PUT", "/api/v1/admin/branding/logo", LOGO)
                        .status())
                .isEqualTo(403);
        assertThat(alice.send("DELETE", "/api/v1/admin/branding/logo", null).status())
                .isEqualTo(403);
        assertThat(admin.get("/api/v1/admin/branding").json().size())
                .as("the default: no field set")
                .isZero();
    }

    @Test
    void aPatchChangesOnlyTheFieldsItNamesAndIsAuditedWithBeforeAndAfter() {
        Http.Response put = admin.put(
                "/api/v1/admin/branding",
                Map.of(
                        "organisationName",
                        "Acme",
                        "primaryColour",
                        "#123456",
                        "helpdeskText",
                        Map.of("en", "Call 0800-1234", "nl", "Bel 0800-1234")));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);

        Http.Response patched = admin.patch(
                "/api/v1/admin/branding", Map.of("accentColour", "#654321", "helpdeskText", Map.of("nl", "Bel ons")));

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        JsonNode branding = admin.get("/api/v1/admin/branding").json();
        assertThat(branding.get("organisationName").asString()).isEqualTo("Acme");
        assertThat(branding.get("primaryColour").asString()).isEqualTo("#123456");
        assertThat(branding.get("accentColour").asString()).isEqualTo("#654321");
        assertThat(branding.get("helpdeskText").get("en").asString()).isEqualTo("Call 0800-1234");
        assertThat(branding.get("helpdeskText").get("nl").asString()).isEqualTo("Bel ons");
        assertThat(lastAuditDetails())
                .isEqualTo("accentColour: null -> \"#654321\"; helpdeskText: {\"en\":\"Call 0800-1234\","
                        + "\"nl\":\"Bel 0800-1234\"} -> {\"en\":\"Call 0800-1234\",\"nl\":\"Bel ons\"}");
    }

    @Test
    void invalidBrandingIsRefusedAndNothingIsStored() {
        Http.Response lowContrast = admin.patch("/api/v1/admin/branding", Map.of("primaryColour", "#f59e0b"));
        assertThat(lowContrast.status()).isEqualTo(400);
        assertThat(lowContrast.json().get("type").asString()).endsWith("/invalid-request");
        assertThat(lowContrast.json().get("detail").asString()).contains("contrast of 2.14:1 with white");

        assertThat(admin.put("/api/v1/admin/branding", Map.of("primaryColour", "blue"))
                        .status())
                .isEqualTo(400);
        Http.Response unknown = admin.patch("/api/v1/admin/branding", Map.of("logoUrl", "https://x"));
        assertThat(unknown.status()).as("the API stays strict").isEqualTo(400);
        assertThat(admin.put("/api/v1/admin/branding", Map.of("colour", "#000000"))
                        .status())
                .isEqualTo(400);

        assertThat(admin.get("/api/v1/admin/branding").json().size()).isZero();
    }

    @Test
    void anSvgLogoIsServedPubliclyWithNosniffARestrictiveCspAndAnEtag() {
        Http.Response uploaded = uploadSvg(LOGO);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
        String sha = uploaded.json().get("sha256").asString();
        assertThat(lastAuditDetails()).isEqualTo("logo: image/svg+xml, " + LOGO.length() + " bytes, sha256 " + sha);

        Http.Response logo = http.get("/branding/logo");
        assertThat(logo.status()).isEqualTo(200);
        assertThat(logo.contentType()).startsWith("image/svg+xml");
        assertThat(logo.body()).isEqualTo(LOGO);
        assertThat(logo.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(logo.header("Content-Security-Policy")).isEqualTo(BrandingController.LOGO_CSP);
        assertThat(logo.header("Cache-Control")).contains("public").contains("max-age=3600");
        assertThat(logo.header("ETag")).isEqualTo("\"" + sha + "\"");
        assertThat(http.header("If-None-Match", "\"" + sha + "\"")
                        .get("/branding/logo")
                        .status())
                .isEqualTo(304);

        assertThat(admin.send("DELETE", "/api/v1/admin/branding/logo", null).status())
                .isEqualTo(204);
        assertThat(http.get("/branding/logo").status()).isEqualTo(404);
    }

    @Test
    void anSvgWithAScriptOrAnExternalReferenceIsRefused() {
        Http.Response script = uploadSvg("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
        assertThat(script.status()).isEqualTo(400);
        assertThat(script.json().get("title").asString()).isEqualTo("SVG logo refused");
        assertThat(uploadSvg("<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"https://evil.example/x\"/></svg>")
                        .status())
                .isEqualTo(400);
        assertThat(http.get("/branding/logo").status()).as("nothing stored").isEqualTo(404);
    }

    @Test
    void aPngLogoIsServedAsPngAndOneOver100KbIsRefused() throws Exception {
        byte[] png = LogoCheckTests.png(40, 20);
        HttpResponse<String> uploaded = putBytes(png);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);

        HttpResponse<byte[]> logo = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/branding/logo"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(logo.body()).isEqualTo(png);
        assertThat(logo.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(logo.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        byte[] big = new byte[100 * 1024 + 1];
        System.arraycopy(png, 0, big, 0, png.length);
        HttpResponse<String> refused = putBytes(big);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("at most 100 KB");
    }

    private HttpResponse<String> putBytes(byte[] content) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/admin/branding/logo"))
                                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                                .header("Content-Type", "image/png")
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(content))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutBrandingThePagesLookAsBefore() {
        PortalSession browser = new PortalSession("http://127.0.0.1:" + port);
        String page = browser.get("/login").body();
        assertThat(page).contains("<span>OpenSSPR</span>").doesNotContain("brand-logo");
        assertThat(page).contains("<link rel=\"stylesheet\" href=\"/branding.css\">");

        Http.Response css = http.get("/branding.css");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.contentType()).startsWith("text/css");
        assertThat(css.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(css.body()).contains("--sspr-primary: #0b3d91;").contains("--sspr-accent: #0b3d91;");
    }

    @Test
    void aPageShowsTheOrganisationItsLogoAndColoursAfterAChange() {
        assertThat(admin.patch(
                                "/api/v1/admin/branding",
                                Map.of(
                                        "organisationName",
                                        "Acme <Corp>",
                                        "primaryColour",
                                        "#123456",
                                        "helpdeskText",
                                        Map.of("en", "Call 0800-1234", "nl", "Bel 0800-1234")))
                        .status())
                .isEqualTo(200);
        String sha = uploadSvg(LOGO).json().get("sha256").asString();

        PortalSession browser = new PortalSession("http://127.0.0.1:" + port);
        String page = browser.get("/login").body();
        assertThat(page)
                .contains("Acme &lt;Corp&gt;")
                .doesNotContain("<span>OpenSSPR</span>")
                .contains("<img class=\"brand-logo\" src=\"/branding/logo?v=" + sha + "\" alt=\"\">")
                .contains("href=\"/branding.css\"");
        assertThat(http.get("/branding.css").body()).contains("--sspr-primary: #123456;");

        browser.get("/reset?lang=nl");
        String refused = browser.post("/reset/start", Map.of("login", "")).body();
        assertThat(refused).contains("<p class=\"helpdesk-text\">Bel 0800-1234</p>");
    }

    @Test
    void aMailCarriesTheOrganisationsNameAndColour() throws Exception {
        assertThat(admin.patch(
                                "/api/v1/admin/branding",
                                Map.of("organisationName", "Acme Corp", "primaryColour", "#123456"))
                        .status())
                .isEqualTo(200);
        policy(Map.of("methods", List.of("email")));
        Http.Response started =
                http.post("/api/v1/reset/flows", Map.of("login", "alice", "captcha", solvedCaptcha(http)));
        String flow = "/api/v1/reset/flows/" + started.json().get("flowId").asString();
        assertThat(http.post(flow + "/challenges", Map.of("methodId", "email", "contact", "alice@example.org"))
                        .status())
                .isEqualTo(202);

        MimeMessage mail = mailbox.awaitMail("alice@example.org", Kind.RESET_CODE);
        assertThat(Mailbox.text(mail).replace("\r\n", "\n").strip())
                .endsWith("\n-- \nAcme Corp")
                .contains(Mailbox.code(mail));
        assertThat(Mailbox.html(mail)).contains("border-top:4px solid #123456;").contains(">Acme Corp</p>");
    }
}
