package org.opensspr.captcha;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.opensspr.secrets.Digests;
import org.opensspr.secrets.MasterKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A proof-of-work CAPTCHA. A challenge is stateless and signed, so any node can check one another
 * node issued: {@code base64url(nonce[16] || expiry epoch seconds[8] || difficulty[1]) + "." +
 * base64url(HMAC-SHA256)} without padding, under the key {@code masterKey.derive("captcha")}, valid
 * for {@value #LIFETIME_MINUTES} minutes. A solution is {@code challenge + ":" + counter} (decimal)
 * whose SHA-256 (UTF-8) has at least the signed difficulty's leading zero bits
 * ({@link ProofOfWorkSolver}). A challenge is spent by the first valid solution: its SHA-256 goes
 * into {@code captcha_used}, whose primary key refuses a second one on every node.
 */
@Component
public final class ProofOfWorkCaptcha {

    static final int LIFETIME_MINUTES = 10;
    static final int MAX_SOLUTION_LENGTH = 200;
    /** Used challenges are kept this long past their expiry, so a node whose clock is behind cannot accept one twice. */
    static final Duration PURGE_GRACE = Duration.ofHours(1);

    private static final int NONCE_BYTES = 16;
    private static final int PAYLOAD_BYTES = NONCE_BYTES + 8 + 1;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger log = LoggerFactory.getLogger(ProofOfWorkCaptcha.class);

    private final SecretKeySpec key;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int difficulty;

    public ProofOfWorkCaptcha(MasterKey masterKey, JdbcClient jdbc, Clock clock, CaptchaProperties properties) {
        Objects.requireNonNull(masterKey, "masterKey cannot be null");
        this.key = new SecretKeySpec(masterKey.derive("captcha"), "HmacSHA256");
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
        this.difficulty =
                Objects.requireNonNull(properties, "properties cannot be null").difficulty();
        if (difficulty == 0) {
            log.warn(
                    "The CAPTCHA asks for no work (sspr.captcha.difficulty=0): it only checks that a challenge is fresh and unused");
        } else {
            log.info(
                    "The CAPTCHA asks for {} leading zero bits of SHA-256 (about {} hashes per flow start)",
                    difficulty,
                    1L << difficulty);
        }
    }

    /** A challenge issued by this server. */
    public record Challenge(String challenge, int difficulty, Instant expiresAt) {}

    /** A new signed challenge at the configured difficulty, valid for {@value #LIFETIME_MINUTES} minutes. */
    public Challenge issue() {
        long expiry = clock.instant().plus(Duration.ofMinutes(LIFETIME_MINUTES)).getEpochSecond();
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] payload = ByteBuffer.allocate(PAYLOAD_BYTES)
                .put(nonce)
                .putLong(expiry)
                .put((byte) difficulty)
                .array();
        return new Challenge(sign(payload), difficulty, Instant.ofEpochSecond(expiry));
    }

    /**
     * Checks a solution and spends its challenge. True only when the challenge carries this
     * server's signature (compared in constant time, and only in its canonical encoding), has
     * not expired, the solution has the work the challenge asks for, and no earlier call
     * accepted the same challenge on any node sharing the database. A null, malformed, forged,
     * expired or replayed solution gives false, never an exception; a failed check leaves the
     * challenge unspent. Logs only the reason, at debug level, never the solution.
     * <p>
     * Call it outside the caller's transaction (or before it starts): on PostgreSQL the refused
     * duplicate insert of a replay aborts the transaction it runs in.
     *
     * @throws org.springframework.dao.DataAccessException when the database cannot be reached
     */
    public boolean verify(String solution) {
        if (solution == null || solution.length() > MAX_SOLUTION_LENGTH) {
            return reject("missing or too long");
        }
        int colon = solution.lastIndexOf(':');
        if (colon < 0 || !isDecimal(solution, colon + 1)) {
            return reject("no decimal counter");
        }
        String challenge = solution.substring(0, colon);
        byte[] payload = signedPayload(challenge);
        if (payload == null) {
            return reject("not a challenge signed by this server");
        }
        ByteBuffer fields = ByteBuffer.wrap(payload, NONCE_BYTES, 9);
        long expiry = fields.getLong();
        int required = fields.get() & 0xff;
        if (clock.instant().getEpochSecond() >= expiry) {
            return reject("expired");
        }
        byte[] digest = ProofOfWorkSolver.sha256().digest(solution.getBytes(StandardCharsets.UTF_8));
        if (!ProofOfWorkSolver.hasLeadingZeroBits(digest, required)) {
            return reject("not enough work");
        }
        try {
            jdbc.sql("INSERT INTO captcha_used (challenge_hash, expires_at) VALUES (:hash, :expires)")
                    .param("hash", Digests.sha256(challenge))
                    .param("expires", expiry * 1000)
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return reject("already used");
        }
    }

    /** Forgets spent challenges an hour after they expired (they are refused as expired by then). */
    @Scheduled(fixedDelay = 600_000, initialDelay = 60_000)
    public int purgeExpired() {
        return jdbc.sql("DELETE FROM captcha_used WHERE expires_at < :before")
                .param("before", clock.instant().minus(PURGE_GRACE).toEpochMilli())
                .update();
    }

    private String sign(byte[] payload) {
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    /** The payload of a challenge this server signed, or null; the whole string must match, so no other encoding passes. */
    private byte[] signedPayload(String challenge) {
        int dot = challenge.indexOf('.');
        if (dot < 0) {
            return null;
        }
        byte[] payload;
        try {
            payload = DECODER.decode(challenge.substring(0, dot));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (payload.length != PAYLOAD_BYTES) {
            return null;
        }
        byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, challenge.getBytes(StandardCharsets.UTF_8)) ? payload : null;
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static boolean isDecimal(String s, int from) {
        int length = s.length() - from;
        if (length < 1 || length > 19) {
            return false;
        }
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean reject(String reason) {
        log.debug("CAPTCHA solution refused: {}", reason);
        return false;
    }
}
