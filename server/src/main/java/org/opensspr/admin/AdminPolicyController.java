package org.opensspr.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.opensspr.audit.Caller;
import org.opensspr.policy.PolicyService;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.system.MergePatches;
import org.opensspr.web.Callers;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET|PUT|PATCH /api/v1/admin/policy}: the SSPR policy. A PUT replaces it whole: fields left
 * out take their defaults ({@code PUT {}} resets it). A PATCH (JSON merge patch, RFC 7396) changes
 * only the fields it names. Both are validated alike and audited with each changed field's before and after.
 */
@Tag(
        name = "Admin: policy",
        description =
                "The SSPR policy: who may reset, with which methods and how many, registration and reconfirmation, notifications, unlock, helpdesk link and custom questions.")
@RestController
class AdminPolicyController {

    private final PolicyService policies;
    private final MergePatches patches;

    AdminPolicyController(PolicyService policies, MergePatches patches) {
        this.policies = policies;
        this.patches = patches;
    }

    @Operation(
            summary = "Read the SSPR policy",
            description = "The policy in force, every field with its value (defaults included).")
    @ApiResponse(responseCode = "200", description = "The policy.")
    @GetMapping("/api/v1/admin/policy")
    SsprPolicy get() {
        return policies.current();
    }

    @Operation(
            summary = "Replace the SSPR policy",
            description =
                    "Replaces the policy whole: fields left out take their defaults (`PUT {}` resets it). To change some fields, PATCH. Validated and audited with each changed field's before and after.")
    @ApiResponse(responseCode = "200", description = "The policy as stored.")
    @ApiResponse(
            responseCode = "400",
            description = "The policy is not valid (`invalid-request`), with the field that is wrong.")
    @PutMapping("/api/v1/admin/policy")
    SsprPolicy put(@RequestBody SsprPolicy policy, HttpServletRequest request) {
        return update(policy, request);
    }

    /** The stored policy with the body merged in; {@code null} clears a field (it takes its PUT default). */
    @Operation(
            summary = "Change some fields of the SSPR policy",
            description =
                    "Changes only the fields the body names (JSON merge patch, RFC 7396, `application/merge-patch+json`; plain `application/json` is read the same); `null` gives a field its PUT default. Validated as a PUT and audited with each changed field's before and after.")
    @ApiResponse(responseCode = "200", description = "The policy as stored.")
    @ApiResponse(responseCode = "400", description = "The merged policy is not valid (`invalid-request`).")
    @PatchMapping(
            path = "/api/v1/admin/policy",
            consumes = {AdminPolicyController.MERGE_PATCH, MediaType.APPLICATION_JSON_VALUE})
    SsprPolicy patch(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            description = "The fields to change; `null` gives a field its default.",
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(
                                                            value =
                                                                    "{\"helpdeskUrl\": \"https://help.example.org\", \"allowUnlock\": true}")))
                    @RequestBody
                    JsonNode patch,
            HttpServletRequest request) {
        return update(patches.apply(policies.current(), patch, SsprPolicy.class), request);
    }

    private SsprPolicy update(SsprPolicy policy, HttpServletRequest request) {
        Caller caller = Callers.from(request);
        return policies.update(policy, caller.actor(), caller.ip(), caller.clientType());
    }

    /** RFC 7396's media type; plain {@code application/json} is accepted as the same. */
    static final String MERGE_PATCH = "application/merge-patch+json";
}
