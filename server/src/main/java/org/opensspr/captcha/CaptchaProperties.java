package org.opensspr.captcha;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sspr.captcha.*}: how much work a challenge asks for. {@code difficulty} is the number of
 * leading zero bits the SHA-256 of a solution must have (default {@value #DEFAULT_DIFFICULTY}:
 * about 65,000 hashes, well under a second in a browser); each bit doubles the work. 0 turns the
 * work off but still requires a valid, unused challenge signed by the server.
 */
@ConfigurationProperties("sspr.captcha")
public record CaptchaProperties(Integer difficulty) {

    public static final int DEFAULT_DIFFICULTY = 16;
    public static final int MAX_DIFFICULTY = 28;

    public CaptchaProperties {
        difficulty = difficulty == null ? DEFAULT_DIFFICULTY : difficulty;
        if (difficulty < 0 || difficulty > MAX_DIFFICULTY) {
            throw new IllegalArgumentException("sspr.captcha.difficulty must be 0-" + MAX_DIFFICULTY
                    + " (leading zero bits of SHA-256; 0 turns the work off, each bit doubles it), got " + difficulty);
        }
    }
}
