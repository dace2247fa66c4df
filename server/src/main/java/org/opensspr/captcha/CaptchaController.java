package org.opensspr.captcha;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/reset/captcha}: a fresh proof-of-work challenge
 * {@code {challenge, difficulty, expiresAt}}, never cached. Public, like the whole reset API.
 */
@Tag(name = "Reset flow")
@RestController
class CaptchaController {

    private final ProofOfWorkCaptcha captcha;

    CaptchaController(ProofOfWorkCaptcha captcha) {
        this.captcha = captcha;
    }

    @Operation(
            summary = "Get a CAPTCHA",
            description =
                    "A fresh proof-of-work challenge `{challenge, difficulty, expiresAt}`, never cached. Solve it and send `<challenge>:<counter>` as `captcha` when starting a flow.")
    @ApiResponse(responseCode = "200", description = "The challenge.")
    @GetMapping("/api/v1/reset/captcha")
    ResponseEntity<ProofOfWorkCaptcha.Challenge> challenge() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(captcha.issue());
    }
}
