package org.opensspr.enrollment;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238) as every authenticator app computes them by default:
 * HMAC-SHA1, 6 digits, a 30 second step counted from the Unix epoch. We implement it ourselves
 * rather than take a library because it is small, and because the two rules that matter here -
 * a code counts once, and only within one step of the clock - are ours to enforce.
 *
 * <p>The secret is a shared key: it cannot be stored as a hash like our other codes, so callers
 * keep it encrypted at rest. This class logs nothing, neither secrets nor codes.
 */
public final class Totp {

    /** RFC 6238 X: the step length in seconds. */
    static final int PERIOD_SECONDS = 30;

    static final int DIGITS = 6;
    /** RFC 4226 section 4 R6: at least 128 bits, 160 recommended (the HMAC-SHA1 output size). */
    static final int SECRET_BYTES = 20;
    /** RFC 6238 section 6: accept at most one step of clock drift either way. */
    private static final int DRIFT_STEPS = 1;

    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;

    public Totp(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
    }

    /** A fresh 160-bit secret from {@link SecureRandom}, for one user and one authenticator. */
    public static byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return secret;
    }

    /** The RFC 6238 time step now: {@code floor(epochSeconds / 30)}. */
    public long currentStep() {
        return Math.floorDiv(clock.instant().getEpochSecond(), PERIOD_SECONDS);
    }

    /** The 6-digit code, zero-padded, that an authenticator shows for {@code secret} at {@code step}. */
    public String codeAt(byte[] secret, long step) {
        return hotp(secret, step, DIGITS);
    }

    /**
     * Checks a code the user typed. It counts for the current step or one step either side
     * (RFC 6238 section 6), and only for a step strictly after {@code lastUsedStep}, so each code
     * is accepted once and a code older than the last accepted one never is.
     *
     * <p>Spaces are removed first ({@code "123 456"} is fine); anything that is then not exactly
     * six ASCII digits, including {@code null}, is refused. Every candidate step is computed and
     * compared in constant time whatever matches, so timing does not tell which step was close.
     *
     * @param lastUsedStep the step returned by the last successful call for this secret, or
     *        {@link Long#MIN_VALUE} when the secret has never been used
     * @return the step the code matched, which the caller must store as the new
     *         {@code lastUsedStep} in the same transaction that accepts the code; empty when the
     *         code is refused (wrong, malformed, replayed or outside the window)
     */
    public OptionalLong verify(byte[] secret, String code, long lastUsedStep) {
        Objects.requireNonNull(secret, "secret cannot be null");
        if (code == null) {
            return OptionalLong.empty();
        }
        String digits = code.replace(" ", "");
        if (!isSixAsciiDigits(digits)) {
            return OptionalLong.empty();
        }
        byte[] given = digits.getBytes(StandardCharsets.US_ASCII);
        long now = currentStep();
        long matched = Long.MIN_VALUE;
        boolean found = false;
        for (long step = now - DRIFT_STEPS; step <= now + DRIFT_STEPS; step++) {
            byte[] expected = codeAt(secret, step).getBytes(StandardCharsets.US_ASCII);
            boolean equal = MessageDigest.isEqual(expected, given);
            if (equal && step > lastUsedStep && !found) {
                matched = step;
                found = true;
            }
        }
        return found ? OptionalLong.of(matched) : OptionalLong.empty();
    }

    /**
     * RFC 4226 HOTP: HMAC-SHA1 of the 8-byte big-endian counter, dynamic truncation to 31 bits,
     * the last {@code digits} decimal digits, zero-padded.
     *
     * @param digits 6, 7 or 8 (RFC 4226 section 5.3)
     */
    static String hotp(byte[] key, long counter, int digits) {
        Objects.requireNonNull(key, "key cannot be null");
        if (key.length == 0) {
            throw new IllegalArgumentException("key cannot be empty");
        }
        if (digits < 6 || digits > 8) {
            throw new IllegalArgumentException("digits must be 6, 7 or 8, not " + digits);
        }
        byte[] hash =
                hmacSha1(key, ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24)
                | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        String code = Integer.toString(binary % POWERS_OF_TEN[digits]);
        return "0".repeat(digits - code.length()) + code;
    }

    private static byte[] hmacSha1(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA1 is required of every Java platform but is missing", ex);
        }
    }

    private static boolean isSixAsciiDigits(String text) {
        if (text.length() != DIGITS) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
