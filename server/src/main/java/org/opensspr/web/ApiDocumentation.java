package org.opensspr.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs} (public: it describes the contract, which is in the
 * source anyway, and holds no data) and what Swagger UI at {@code /swagger-ui} shows (signed-in admins
 * only, {@link PortalSecurityConfiguration}). Operations, tags and parameters are described on the
 * controllers; this adds the info block, the three credentials {@link SecurityConfiguration} accepts
 * and, per path group, which of them an operation takes, so that a controller cannot forget it:
 * <ul>
 *   <li>{@code /api/v1/admin/**}: the directory password of an admin-group member, or the bootstrap
 *       admin token as bearer;
 *   <li>{@code /api/v1/helpdesk/**}: the directory password of a helpdesk- or admin-group member, or
 *       the bootstrap admin token;
 *   <li>{@code /api/v1/me/**}: the user's own directory password;
 *   <li>{@code /api/v1/devices/self/**} and {@code /api/v1/logon/**}: the device credential
 *       ({@link DeviceAuthenticationFilter}); joining ({@code POST /api/v1/devices}) needs none;
 *   <li>{@code /api/v1/reset/**}: none (an API key or a logon session token as bearer is optional and
 *       described on the operation that cares).
 * </ul>
 * Secured operations also get their 401 and 403 problem answers described here, once. Swagger UI 5
 * needs no inline script or style attribute (its page loads its scripts and styles from files; React
 * sets styles through the DOM), so it runs under the portal's Content-Security-Policy unchanged;
 * {@code SwaggerUiBrowserIntegrationTests} fails on any violation.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    /** HTTP Basic with a directory login and password. */
    static final String DIRECTORY_PASSWORD = "directoryPassword";
    /** Bearer: the bootstrap admin token or an API key ({@link BootstrapTokenFilter}). */
    static final String BEARER = "bearerToken";
    /** HTTP Basic {@code deviceId:deviceSecret} ({@link DeviceAuthenticationFilter}). */
    static final String DEVICE = "deviceCredential";

    /** Swagger UI's page and static files ({@code springdoc.swagger-ui.path}). */
    static final String SWAGGER_UI = "/swagger-ui";
    /** The configuration Swagger UI loads first: which document to show. */
    static final String SWAGGER_CONFIG = "/v3/api-docs/swagger-config";

    private static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    OpenAPI openApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("OpenSSPR API")
                        .version("v1")
                        .description("Self-service password reset against LDAP and Active Directory: the reset"
                                + " flow (public), registration of a user's own methods (`/api/v1/me`), the"
                                + " admin API (`/api/v1/admin`, the same actions as the `/admin` console),"
                                + " the helpdesk API (`/api/v1/helpdesk`) and the device API used by the"
                                + " Windows agent (`/api/v1/devices`, `/api/v1/logon`). Errors are RFC 9457"
                                + " problem details (`application/problem+json`) with a stable `type`,"
                                + " localised by `Accept-Language` (English, Dutch).")
                        .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                DIRECTORY_PASSWORD,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("HTTP Basic with a directory login and password."
                                                + " The admin API needs a member of `sspr.admin-group`,"
                                                + " the helpdesk API of `sspr.helpdesk-group` or the admin"
                                                + " group; `/api/v1/me` any user. Wrong passwords count"
                                                + " against the sign-in throttle (429 with Retry-After)."))
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("`Authorization: Bearer <token>`. The bootstrap admin"
                                                + " token (`sspr.bootstrap.admin-token`) acts as an admin"
                                                + " on the admin and helpdesk APIs. An API key (`sspr_...`,"
                                                + " issued with `POST /api/v1/admin/api-keys`) may only"
                                                + " start reset flows without a CAPTCHA. A logon session"
                                                + " token runs one reset flow. An unknown token is 401 at"
                                                + " once."))
                        .addSecuritySchemes(
                                DEVICE,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("The device credential: HTTP Basic"
                                                + " `deviceId:deviceSecret` (`dev_...`) as answered by"
                                                + " `POST /api/v1/devices`. Accepted on `/api/v1/devices/self`"
                                                + " and `/api/v1/logon` only.")));
    }

    /** Per path group, which credentials an operation takes and its 401/403 answers. */
    @Bean
    OpenApiCustomizer securityByPathGroup() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                List<SecurityRequirement> security = securityFor(path);
                item.readOperations().forEach(operation -> {
                    operation.setSecurity(security);
                    if (!security.isEmpty()) {
                        describeRefusals(operation, !path.startsWith("/api/v1/me"));
                    }
                });
            });
        };
    }

    /** The credentials that open {@code path}; empty when it needs none. */
    static List<SecurityRequirement> securityFor(String path) {
        if (path.startsWith("/api/v1/admin/") || path.startsWith("/api/v1/helpdesk/")) {
            return List.of(requirement(DIRECTORY_PASSWORD), requirement(BEARER));
        }
        if (path.startsWith("/api/v1/me/")) {
            return List.of(requirement(DIRECTORY_PASSWORD));
        }
        if (path.equals("/api/v1/devices/self")
                || path.startsWith("/api/v1/devices/self/")
                || path.startsWith("/api/v1/logon/")) {
            return List.of(requirement(DEVICE));
        }
        return List.of();
    }

    private static SecurityRequirement requirement(String scheme) {
        return new SecurityRequirement().addList(scheme);
    }

    private static void describeRefusals(Operation operation, boolean forbidden) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        responses.computeIfAbsent(
                "401", code -> problem("No credential, or a wrong one (`unauthorized`, `bearer-token-invalid`)."));
        if (forbidden) {
            responses.computeIfAbsent(
                    "403", code -> problem("Signed in, but without the role this needs (`forbidden`)."));
        }
        operation.setResponses(responses);
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().type("object"))));
    }
}
