package org.opensspr.admin;

import jakarta.servlet.http.HttpServletRequest;
import org.opensspr.audit.Caller;
import org.opensspr.enrollment.ContactInfo;
import org.opensspr.enrollment.MethodsService;
import org.opensspr.web.Callers;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT /api/v1/admin/users/{login}/contact}: authentication contact info an admin
 * pre-fills; it counts as a registered method without the user registering it.
 */
@RestController
class AdminContactController {

    private final MethodsService methods;

    AdminContactController(MethodsService methods) {
        this.methods = methods;
    }

    @PutMapping("/api/v1/admin/users/{login}/contact")
    ContactInfo put(@PathVariable String login, @RequestBody ContactInfo contact, HttpServletRequest request) {
        Caller caller = Callers.from(request);
        return methods.setContactInfo(login, contact, caller.actor(), caller.ip(), caller.clientType());
    }
}
