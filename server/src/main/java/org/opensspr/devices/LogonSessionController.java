package org.opensspr.devices;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/logon/sessions} (device credential): a logon session for the sign-in
 * screen, which then starts one reset flow with {@code Authorization: Bearer <sessionToken>}.
 */
@Tag(
        name = "Logon sessions",
        description = "The sign-in screen's reset: a device starts a logon session, which runs one reset flow.")
@RestController
class LogonSessionController {

    private final LogonSessionService sessions;

    LogonSessionController(LogonSessionService sessions) {
        this.sessions = sessions;
    }

    @Operation(
            summary = "Start a logon session",
            description =
                    "A logon session for the sign-in screen, which then starts one reset flow with `Authorization: Bearer <sessionToken>`.")
    @ApiResponse(responseCode = "201", description = "The session token and when it expires.")
    @ApiResponse(
            responseCode = "403",
            description =
                    "The device's configuration does not allow reset at the sign-in screen (`logon-reset-not-enabled`).")
    @PostMapping("/api/v1/logon/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    LogonSessionService.StartedSession start(
            @AuthenticationPrincipal DeviceIdentity device, HttpServletRequest request) {
        return sessions.start(device, request.getRemoteAddr());
    }
}
