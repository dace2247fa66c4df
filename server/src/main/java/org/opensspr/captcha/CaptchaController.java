package org.opensspr.captcha;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/reset/captcha}: a fresh proof-of-work challenge
 * {@code {challenge, difficulty, expiresAt}}, never cached. Public, like the whole reset API.
 */
@RestController
class CaptchaController {

    private final ProofOfWorkCaptcha captcha;

    CaptchaController(ProofOfWorkCaptcha captcha) {
        this.captcha = captcha;
    }

    @GetMapping("/api/v1/reset/captcha")
    ResponseEntity<ProofOfWorkCaptcha.Challenge> challenge() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(captcha.issue());
    }
}
