package org.opensspr.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensspr.Http;
import org.opensspr.ServerIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document at {@code /v3/api-docs}, as a client generator or an admin reads it: public,
 * with an info block, the three credentials the server accepts, the credential each path group takes,
 * and a summary on every operation; Swagger UI and its configuration are not public.
 */
class ApiDocumentationIntegrationTests extends ServerIntegrationTest {

    /**
     * Operations still described only by their path: their controllers (AdminAuditController,
     * AdminDeviceController) were being changed elsewhere when the others were described.
     */
    private static final List<String> NOT_YET_DESCRIBED = List.of();

    private static final List<String> METHODS = List.of("get", "put", "post", "patch", "delete");

    private JsonNode document() {
        Http.Response response = http.get("/v3/api-docs");
        assertThat(response.status()).as("the document is public").isEqualTo(200);
        return response.json();
    }

    /** Every operation in the document: {@code GET /api/v1/admin/policy} to its node. */
    private static Map<String, JsonNode> operations(JsonNode document) {
        Map<String, JsonNode> operations = new java.util.TreeMap<>();
        for (String path : document.get("paths").propertyNames()) {
            JsonNode item = document.get("paths").get(path);
            for (String method : METHODS) {
                if (item.has(method)) {
                    operations.put(method.toUpperCase(java.util.Locale.ROOT) + " " + path, item.get(method));
                }
            }
        }
        return operations;
    }

    private static String path(String operation) {
        return operation.substring(operation.indexOf(' ') + 1);
    }

    private static boolean excepted(String operation) {
        return NOT_YET_DESCRIBED.stream().anyMatch(path(operation)::startsWith);
    }

    private static List<String> schemes(JsonNode operation) {
        List<String> schemes = new ArrayList<>();
        if (operation.has("security")) {
            operation.get("security").forEach(requirement -> schemes.addAll(requirement.propertyNames()));
        }
        return schemes;
    }

    @Test
    void theDocumentHasAnInfoBlockAndTheThreeCredentials() {
        JsonNode document = document();
        JsonNode info = document.get("info");
        assertThat(info.get("title").asString()).isEqualTo("OpenSSPR API");
        assertThat(info.get("description").asString()).contains("problem details");
        assertThat(info.get("license").get("name").asString()).isEqualTo("Apache-2.0");

        JsonNode schemes = document.get("components").get("securitySchemes");
        assertThat(schemes.propertyNames())
                .containsExactlyInAnyOrder(
                        ApiDocumentation.DIRECTORY_PASSWORD, ApiDocumentation.BEARER, ApiDocumentation.DEVICE);
        assertThat(schemes.get(ApiDocumentation.DIRECTORY_PASSWORD)
                        .get("scheme")
                        .asString())
                .isEqualTo("basic");
        assertThat(schemes.get(ApiDocumentation.BEARER).get("scheme").asString())
                .isEqualTo("bearer");
        assertThat(schemes.get(ApiDocumentation.BEARER).get("description").asString())
                .contains("sspr_", "bootstrap");
        assertThat(schemes.get(ApiDocumentation.DEVICE).get("scheme").asString())
                .isEqualTo("basic");
        assertThat(schemes.get(ApiDocumentation.DEVICE).get("description").asString())
                .contains("deviceId:deviceSecret");
    }

    @Test
    void everyAdminAndHelpdeskOperationHasASummaryAndACredential() {
        Map<String, JsonNode> operations = operations(document());
        List<String> staff = operations.keySet().stream()
                .filter(o -> path(o).startsWith("/api/v1/admin/") || path(o).startsWith("/api/v1/helpdesk/"))
                .toList();
        assertThat(staff).hasSizeGreaterThan(20);
        for (String operation : staff) {
            assertThat(schemes(operations.get(operation)))
                    .as(operation + ": the directory password or the bootstrap token")
                    .containsExactlyInAnyOrder(ApiDocumentation.DIRECTORY_PASSWORD, ApiDocumentation.BEARER);
            assertThat(operations.get(operation).get("responses").propertyNames())
                    .as(operation + ": its refusals")
                    .contains("401", "403");
            if (!excepted(operation)) {
                assertThat(operations.get(operation).path("summary").asString(""))
                        .as(operation + " has a summary")
                        .isNotBlank();
            }
        }
    }

    @Test
    void everyOperationSaysWhatItDoesExceptTheListedOnes() {
        Map<String, JsonNode> operations = operations(document());
        List<String> undescribed = operations.entrySet().stream()
                .filter(e -> e.getValue().path("summary").asString("").isBlank()
                        && e.getValue().path("description").asString("").isBlank())
                .map(Map.Entry::getKey)
                .toList();
        assertThat(undescribed).allMatch(ApiDocumentationIntegrationTests::excepted);
        List<String> tags = new ArrayList<>();
        document().get("tags").forEach(tag -> {
            tags.add(tag.get("name").asString());
            assertThat(tag.path("description").asString("")).as(tag.toString()).isNotBlank();
        });
        assertThat(tags).contains("Admin: policy", "Helpdesk", "Reset flow", "Me: methods", "Devices");
    }

    @Test
    void eachPathGroupNamesTheCredentialItTakes() {
        Map<String, JsonNode> operations = operations(document());
        operations.forEach((operation, node) -> {
            String path = path(operation);
            if (path.startsWith("/api/v1/reset/") || operation.equals("POST /api/v1/devices")) {
                assertThat(schemes(node)).as(operation + " needs none").isEmpty();
            } else if (path.startsWith("/api/v1/me/")) {
                assertThat(schemes(node)).as(operation).containsExactly(ApiDocumentation.DIRECTORY_PASSWORD);
            } else if (path.startsWith("/api/v1/devices/self/") || path.startsWith("/api/v1/logon/")) {
                assertThat(schemes(node)).as(operation).containsExactly(ApiDocumentation.DEVICE);
            }
        });
        assertThat(operations).containsKeys("POST /api/v1/reset/flows", "POST /api/v1/logon/sessions");
        JsonNode login = operations
                .get("GET /api/v1/helpdesk/users/{login}")
                .get("parameters")
                .get(0);
        assertThat(login.get("description").asString()).isNotBlank();
        assertThat(login.get("example").asString()).isEqualTo("jdoe");
    }

    @Test
    void swaggerUiAndItsConfigurationSendAnAnonymousCallerToSignIn() {
        for (String path : List.of("/swagger-ui", "/swagger-ui/index.html", "/v3/api-docs/swagger-config")) {
            Http.Response anonymous = http.get(path);
            assertThat(anonymous.status()).as(path).isEqualTo(302);
            assertThat(anonymous.header("Location")).as(path).endsWith("/login");
        }
        assertThat(admin.get("/swagger-ui/index.html").status())
                .as("the bootstrap token is for the API; Swagger UI needs an admin signed in in the browser")
                .isEqualTo(302);
    }
}
