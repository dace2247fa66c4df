package org.opensspr.devices;

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
@RestController
class LogonSessionController {

    private final LogonSessionService sessions;

    LogonSessionController(LogonSessionService sessions) {
        this.sessions = sessions;
    }

    @PostMapping("/api/v1/logon/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    LogonSessionService.StartedSession start(
            @AuthenticationPrincipal DeviceIdentity device, HttpServletRequest request) {
        return sessions.start(device, request.getRemoteAddr());
    }
}
