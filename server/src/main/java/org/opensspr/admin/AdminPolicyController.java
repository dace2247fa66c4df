package org.opensspr.admin;

import jakarta.servlet.http.HttpServletRequest;
import org.opensspr.audit.Caller;
import org.opensspr.policy.PolicyService;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.web.Callers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET|PUT /api/v1/admin/policy}: the SSPR policy. A PUT replaces it whole; fields left out take their defaults. */
@RestController
class AdminPolicyController {

    private final PolicyService policies;

    AdminPolicyController(PolicyService policies) {
        this.policies = policies;
    }

    @GetMapping("/api/v1/admin/policy")
    SsprPolicy get() {
        return policies.current();
    }

    @PutMapping("/api/v1/admin/policy")
    SsprPolicy put(@RequestBody SsprPolicy policy, HttpServletRequest request) {
        Caller caller = Callers.from(request);
        return policies.update(policy, caller.actor(), caller.ip(), caller.clientType());
    }
}
