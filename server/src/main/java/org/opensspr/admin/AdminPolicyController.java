package org.opensspr.admin;

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
@RestController
class AdminPolicyController {

    private final PolicyService policies;
    private final MergePatches patches;

    AdminPolicyController(PolicyService policies, MergePatches patches) {
        this.policies = policies;
        this.patches = patches;
    }

    @GetMapping("/api/v1/admin/policy")
    SsprPolicy get() {
        return policies.current();
    }

    @PutMapping("/api/v1/admin/policy")
    SsprPolicy put(@RequestBody SsprPolicy policy, HttpServletRequest request) {
        return update(policy, request);
    }

    /** The stored policy with the body merged in; {@code null} clears a field (it takes its PUT default). */
    @PatchMapping(
            path = "/api/v1/admin/policy",
            consumes = {AdminPolicyController.MERGE_PATCH, MediaType.APPLICATION_JSON_VALUE})
    SsprPolicy patch(@RequestBody JsonNode patch, HttpServletRequest request) {
        return update(patches.apply(policies.current(), patch, SsprPolicy.class), request);
    }

    private SsprPolicy update(SsprPolicy policy, HttpServletRequest request) {
        Caller caller = Callers.from(request);
        return policies.update(policy, caller.actor(), caller.ip(), caller.clientType());
    }

    /** RFC 7396's media type; plain {@code application/json} is accepted as the same. */
    static final String MERGE_PATCH = "application/merge-patch+json";
}
