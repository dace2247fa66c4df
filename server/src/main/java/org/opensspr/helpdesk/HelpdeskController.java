package org.opensspr.helpdesk;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(
        name = "Helpdesk",
        description =
                "Look up a user, lift a block, clear a method, require re-registration, send a reset link, and find the user behind a support code (ROLE_HELPDESK or ROLE_ADMIN). Every action is audited.")
@RestController
class HelpdeskController {

    private final HelpdeskService helpdesk;

    HelpdeskController(HelpdeskService helpdesk) {
        this.helpdesk = helpdesk;
    }

    @Operation(
            summary = "Look up a user",
            description = "The user's registered methods (masked), last activity and current blocks.")
    @ApiResponse(responseCode = "200", description = "The user.")
    @ApiResponse(responseCode = "404", description = "No such user in the directory.")
    @GetMapping("/api/v1/helpdesk/users/{login}")
    HelpdeskUser user(
            @Parameter(description = "The user's directory login.", example = "jdoe") @PathVariable String login) {
        return helpdesk.lookup(login);
    }

    @Operation(
            summary = "Lift a user's blocks",
            description =
                    "Lifts the reset blocks (such as the 24 h block after too many failures) on `login`. Audited.")
    @ApiResponse(responseCode = "204", description = "No block is left.")
    @ApiResponse(responseCode = "404", description = "No such user in the directory.")
    @DeleteMapping("/api/v1/helpdesk/users/{login}/blocks")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void liftBlocks(
            @Parameter(description = "The user's directory login.", example = "jdoe") @PathVariable String login,
            HttpServletRequest request) {
        helpdesk.liftBlocks(login, Callers.from(request));
    }

    @Operation(
            summary = "Clear a registered method",
            description = "Removes one registered method of `login`, for a lost phone or authenticator. Audited.")
    @ApiResponse(responseCode = "204", description = "The method is gone.")
    @ApiResponse(
            responseCode = "404",
            description = "No such user, or no such method on file (`method-not-registered`).")
    @ApiResponse(responseCode = "400", description = "An unknown method: use email, sms, totp or questions.")
    @DeleteMapping("/api/v1/helpdesk/users/{login}/methods/{method}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clearMethod(
            @Parameter(description = "The user's directory login.", example = "jdoe") @PathVariable String login,
            @Parameter(description = "The method: email, sms, totp or questions.", example = "totp") @PathVariable
                    String method,
            HttpServletRequest request) {
        helpdesk.clearMethod(login, MethodType.of(method), Callers.from(request));
    }

    @Operation(
            summary = "Require re-registration",
            description = "Makes `login` register their methods again at the next sign-in. Audited.")
    @ApiResponse(responseCode = "204", description = "Done.")
    @ApiResponse(responseCode = "404", description = "No such user in the directory.")
    @PostMapping("/api/v1/helpdesk/users/{login}/require-registration")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void requireRegistration(
            @Parameter(description = "The user's directory login.", example = "jdoe") @PathVariable String login,
            HttpServletRequest request) {
        helpdesk.requireRegistration(login, Callers.from(request));
    }

    @Operation(
            summary = "Send a reset link",
            description =
                    "Sends `login` a link to the reset page of the portal where this request arrived, to their registered email. Audited.")
    @ApiResponse(responseCode = "202", description = "The mail is queued.")
    @ApiResponse(responseCode = "409", description = "The user has no email address on file (`no-email-on-file`).")
    @ApiResponse(responseCode = "404", description = "No such user in the directory.")
    @PostMapping("/api/v1/helpdesk/users/{login}/reset-link")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void resetLink(
            @Parameter(description = "The user's directory login.", example = "jdoe") @PathVariable String login,
            HttpServletRequest request) {
        helpdesk.sendResetLink(
                login,
                ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString(),
                Callers.from(request));
    }

    @Operation(
            summary = "Find a support code",
            description = "The user, page, error and time behind a support code a user read from an error page.")
    @ApiResponse(responseCode = "200", description = "What the code stands for.")
    @ApiResponse(responseCode = "404", description = "An unknown or purged code.")
    @GetMapping("/api/v1/helpdesk/support-codes/{code}")
    SupportCodeLookup supportCode(
            @Parameter(description = "The code as the user read it, in any case.", example = "K7QF-3MZP") @PathVariable
                    String code) {
        return helpdesk.supportCode(code);
    }
}
