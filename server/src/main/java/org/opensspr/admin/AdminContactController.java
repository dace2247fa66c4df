package org.opensspr.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Admin: users", description = "Authentication contact info an admin pre-fills for a user.")
@RestController
class AdminContactController {

    private final MethodsService methods;

    AdminContactController(MethodsService methods) {
        this.methods = methods;
    }

    @Operation(
            summary = "Pre-fill a user's contact info",
            description =
                    "Sets the email address and phone an admin pre-fills for `login`; it counts as a registered method without the user registering it. Audited.")
    @ApiResponse(responseCode = "200", description = "The contact info as stored.")
    @ApiResponse(responseCode = "400", description = "An address or phone number that is not valid.")
    @ApiResponse(responseCode = "404", description = "No such user in the directory.")
    @PutMapping("/api/v1/admin/users/{login}/contact")
    ContactInfo put(
            @Parameter(description = "The user's directory login.", example = "jdoe") @PathVariable String login,
            @RequestBody ContactInfo contact,
            HttpServletRequest request) {
        Caller caller = Callers.from(request);
        return methods.setContactInfo(login, contact, caller.actor(), caller.ip(), caller.clientType());
    }
}
