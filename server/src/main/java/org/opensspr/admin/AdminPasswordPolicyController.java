package org.opensspr.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.opensspr.passwordpolicy.PasswordPolicy;
import org.opensspr.passwordpolicy.PasswordSettings;
import org.opensspr.passwordpolicy.Violation;
import org.opensspr.system.MergePatches;
import org.opensspr.web.Callers;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/admin/password-policy}: the password policy's settings (GET, PUT to replace them
 * whole, PATCH to change some), and a way to try a password against it as a given user would meet it.
 */
@Tag(
        name = "Admin: password policy",
        description =
                "The password policy's settings (length, banned terms, character classes, breached-password check, history) and a test box that runs the evaluator.")
@RestController
class AdminPasswordPolicyController {

    private final PasswordPolicy policy;
    private final MergePatches patches;

    AdminPasswordPolicyController(PasswordPolicy policy, MergePatches patches) {
        this.policy = policy;
        this.patches = patches;
    }

    @Operation(summary = "Read the password policy", description = "The password policy's settings in force.")
    @ApiResponse(responseCode = "200", description = "The settings.")
    @GetMapping("/api/v1/admin/password-policy")
    PasswordSettings get() {
        return policy.settings();
    }

    /**
     * Replaces the settings whole; fields left out take their defaults (8-256, no custom terms,
     * breached check on, no history): {@code PUT {}} resets them. To change some fields, PATCH.
     */
    @Operation(
            summary = "Replace the password policy",
            description =
                    "Replaces the settings whole; fields left out take their defaults (8-256, no custom terms, breached check on, no history): `PUT {}` resets them. To change some fields, PATCH.")
    @ApiResponse(responseCode = "200", description = "The settings as stored.")
    @ApiResponse(responseCode = "400", description = "The settings are not valid (`invalid-request`).")
    @PutMapping("/api/v1/admin/password-policy")
    PasswordSettings put(@RequestBody SettingsBody body, HttpServletRequest request) {
        return policy.update(body.settings(), Callers.from(request));
    }

    /**
     * Changes only the fields the body names (JSON merge patch, RFC 7396); the merged document is
     * read and checked as a PUT body is, and {@code null} gives a field its PUT default.
     */
    @Operation(
            summary = "Change some password policy settings",
            description =
                    "Changes only the fields the body names (JSON merge patch, RFC 7396); the merged document is read and checked as a PUT body is, and `null` gives a field its PUT default.")
    @ApiResponse(responseCode = "200", description = "The settings as stored.")
    @ApiResponse(responseCode = "400", description = "The merged settings are not valid (`invalid-request`).")
    @PatchMapping(
            path = "/api/v1/admin/password-policy",
            consumes = {AdminPolicyController.MERGE_PATCH, MediaType.APPLICATION_JSON_VALUE})
    PasswordSettings patch(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            description = "The fields to change; `null` gives a field its default.",
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(value = "{\"minLength\": 12, \"historySize\": 5}")))
                    @RequestBody
                    JsonNode patch,
            HttpServletRequest request) {
        SettingsBody merged = patches.apply(policy.settings(), patch, SettingsBody.class);
        return policy.update(merged.settings(), Callers.from(request));
    }

    @Operation(
            summary = "Try a password against the policy",
            description =
                    "Runs the password policy's evaluator on `password` as the user `login` would meet it (their name and history count), without changing anything. Violations are in the caller's language (`Accept-Language`).")
    @ApiResponse(
            responseCode = "200",
            description = "Whether the password would be accepted, and each violation with its text.")
    @PostMapping("/api/v1/admin/password-policy/evaluate")
    Evaluation evaluate(@RequestBody EvaluateBody body, Locale locale) {
        List<Violation> violations = policy.evaluate(body.password(), body.login(), locale);
        return new Evaluation(violations.isEmpty(), violations);
    }

    record SettingsBody(
            Integer minLength,
            Integer maxLength,
            List<String> customBannedTerms,
            Boolean enforceCustomList,
            Boolean requireThreeClasses,
            Boolean checkBreached,
            Integer historySize) {

        /** The settings this body names, with the defaults for the fields it leaves out. */
        PasswordSettings settings() {
            PasswordSettings defaults = PasswordSettings.defaults();
            return new PasswordSettings(
                    minLength == null ? defaults.minLength() : minLength,
                    maxLength == null ? defaults.maxLength() : maxLength,
                    customBannedTerms == null ? defaults.customBannedTerms() : customBannedTerms,
                    enforceCustomList == null ? defaults.enforceCustomList() : enforceCustomList,
                    requireThreeClasses == null ? defaults.requireThreeClasses() : requireThreeClasses,
                    checkBreached == null ? defaults.checkBreached() : checkBreached,
                    historySize == null ? defaults.historySize() : historySize);
        }
    }

    record EvaluateBody(
            @Schema(description = "The password to try.", example = "Summer2026!")
            String password,

            @Schema(
                    description = "The user who would set it (their names and history count); optional.",
                    example = "jdoe")
            String login) {}

    record Evaluation(boolean accepted, List<Violation> violations) {}
}
