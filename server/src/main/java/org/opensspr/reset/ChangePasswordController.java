package org.opensspr.reset;

import jakarta.servlet.http.HttpServletRequest;
import org.opensspr.web.Callers;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/me/password}: change password, knowing the current one. */
@RestController
class ChangePasswordController {

    private final ChangePasswordService service;

    ChangePasswordController(ChangePasswordService service) {
        this.service = service;
    }

    @PostMapping("/api/v1/me/password")
    Changed change(@RequestBody ChangeRequest body, Authentication authentication, HttpServletRequest request) {
        service.change(authentication.getName(), body.currentPassword(), body.newPassword(), Callers.from(request));
        return new Changed("changed");
    }

    record ChangeRequest(String currentPassword, String newPassword) {}

    record Changed(String status) {}
}
