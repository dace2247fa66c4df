package org.opensspr.reset;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.opensspr.web.Callers;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/me/password}: change password, knowing the current one. */
@Tag(name = "Me: password", description = "Change the password, knowing the current one.")
@RestController
class ChangePasswordController {

    private final ChangePasswordService service;

    ChangePasswordController(ChangePasswordService service) {
        this.service = service;
    }

    @Operation(
            summary = "Change my password",
            description =
                    "Changes the signed-in user's password from `currentPassword` to `newPassword`, checked by the password policy. Audited; the user's other portal sessions end.")
    @ApiResponse(responseCode = "200", description = "Changed.")
    @ApiResponse(responseCode = "400", description = "The current password is wrong (`current-password-wrong`).")
    @ApiResponse(
            responseCode = "422",
            description = "The new password breaks the policy (`password-rejected`, in the caller's language).")
    @PostMapping("/api/v1/me/password")
    Changed change(@RequestBody ChangeRequest body, Authentication authentication, HttpServletRequest request) {
        service.change(authentication.getName(), body.currentPassword(), body.newPassword(), Callers.from(request));
        return new Changed("changed");
    }

    record ChangeRequest(String currentPassword, String newPassword) {}

    record Changed(String status) {}
}
