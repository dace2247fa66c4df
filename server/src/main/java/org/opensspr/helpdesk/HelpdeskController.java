package org.opensspr.helpdesk;

import jakarta.servlet.http.HttpServletRequest;
import org.opensspr.policy.MethodType;
import org.opensspr.web.Callers;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /api/v1/helpdesk/**} (ROLE_HELPDESK or ROLE_ADMIN): thin over {@link HelpdeskService}.
 * The reset link points at the portal where this request arrived.
 */
@RestController
class HelpdeskController {

    private final HelpdeskService helpdesk;

    HelpdeskController(HelpdeskService helpdesk) {
        this.helpdesk = helpdesk;
    }

    @GetMapping("/api/v1/helpdesk/users/{login}")
    HelpdeskUser user(@PathVariable String login) {
        return helpdesk.lookup(login);
    }

    @DeleteMapping("/api/v1/helpdesk/users/{login}/blocks")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void liftBlocks(@PathVariable String login, HttpServletRequest request) {
        helpdesk.liftBlocks(login, Callers.from(request));
    }

    @DeleteMapping("/api/v1/helpdesk/users/{login}/methods/{method}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clearMethod(@PathVariable String login, @PathVariable String method, HttpServletRequest request) {
        helpdesk.clearMethod(login, MethodType.of(method), Callers.from(request));
    }

    @PostMapping("/api/v1/helpdesk/users/{login}/require-registration")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void requireRegistration(@PathVariable String login, HttpServletRequest request) {
        helpdesk.requireRegistration(login, Callers.from(request));
    }

    @PostMapping("/api/v1/helpdesk/users/{login}/reset-link")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void resetLink(@PathVariable String login, HttpServletRequest request) {
        helpdesk.sendResetLink(
                login,
                ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString(),
                Callers.from(request));
    }

    @GetMapping("/api/v1/helpdesk/support-codes/{code}")
    SupportCodeLookup supportCode(@PathVariable String code) {
        return helpdesk.supportCode(code);
    }
}
