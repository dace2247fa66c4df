package org.opensspr.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.opensspr.apikeys.ApiKeyService;
import org.opensspr.web.Callers;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/admin/api-keys}: keys for helpdesk tools and chatbots (ClientType Api). */
@Tag(
        name = "Admin: API keys",
        description =
                "Keys for helpdesk tools and chatbots (ClientType Api): a key may start reset flows without a CAPTCHA, as bearer token, and nothing else.")
@RestController
class AdminApiKeyController {

    private final ApiKeyService keys;

    AdminApiKeyController(ApiKeyService keys) {
        this.keys = keys;
    }

    @Operation(
            summary = "Issue an API key",
            description =
                    "Issues a key `sspr_...` under `name`. The key is shown in this answer only; the server keeps only its digest. Audited.")
    @ApiResponse(responseCode = "201", description = "The key, shown this once.")
    @ApiResponse(responseCode = "409", description = "A key with this name exists.")
    @PostMapping("/api/v1/admin/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedKey issue(@RequestBody NewKey body, HttpServletRequest request) {
        return new IssuedKey(body.name(), keys.issue(body.name(), Callers.from(request)));
    }

    @Operation(summary = "List API keys", description = "The names of the keys in use (never the keys).")
    @ApiResponse(responseCode = "200", description = "The key names.")
    @GetMapping("/api/v1/admin/api-keys")
    KeyNames list() {
        return new KeyNames(keys.names());
    }

    @Operation(
            summary = "Revoke an API key",
            description = "Revokes the key `name`: it is refused from now on. Audited.")
    @ApiResponse(responseCode = "204", description = "Revoked.")
    @ApiResponse(responseCode = "404", description = "No key with this name.")
    @DeleteMapping("/api/v1/admin/api-keys/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(
            @Parameter(description = "The key's name.", example = "helpdesk-bot") @PathVariable String name,
            HttpServletRequest request) {
        keys.revoke(name, Callers.from(request));
    }

    record NewKey(
            @Schema(description = "A name for the key: letters, digits, `-` and `_`.", example = "helpdesk-bot")
            String name) {}

    /** {@code key} is shown this once. */
    record IssuedKey(
            @Schema(example = "helpdesk-bot") String name,

            @Schema(
                    description = "The bearer token; shown this once.",
                    example = "sspr_3q2v8Yb0aXkC1mZ7tR5wN9pL4sD6fH2jK8uE0oI1yT")
            String key) {}

    record KeyNames(List<String> names) {}
}
