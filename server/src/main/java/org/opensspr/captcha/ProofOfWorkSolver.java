package org.opensspr.captcha;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * Solves a proof-of-work challenge by brute force, as {@code static/js/pow.js} does in the
 * browser: the first counter from 0 whose {@code SHA-256(challenge + ":" + counter)} (UTF-8) has
 * at least {@code difficulty} leading zero bits. Used by tests, the load driver and the device
 * agent. Expect about {@code 2^difficulty} hashes.
 */
public final class ProofOfWorkSolver {

    private ProofOfWorkSolver() {}

    /**
     * The solution {@code challenge + ":" + counter}, ready to send as {@code captcha}.
     *
     * @param challenge the challenge string exactly as the server issued it
     * @param difficulty the leading zero bits to reach, 0-64 (the server issues at most 28)
     */
    public static String solve(String challenge, int difficulty) {
        Objects.requireNonNull(challenge, "challenge cannot be null");
        if (difficulty < 0 || difficulty > 64) {
            throw new IllegalArgumentException("difficulty must be 0-64, got " + difficulty);
        }
        byte[] prefix = (challenge + ":").getBytes(StandardCharsets.UTF_8);
        MessageDigest afterPrefix = sha256();
        afterPrefix.update(prefix);
        boolean cloneable = true;
        for (long counter = 0; counter >= 0; counter++) {
            MessageDigest sha256 = null;
            if (cloneable) {
                try {
                    sha256 = (MessageDigest) afterPrefix.clone();
                } catch (CloneNotSupportedException e) {
                    cloneable = false;
                }
            }
            if (sha256 == null) {
                sha256 = sha256();
                sha256.update(prefix);
            }
            sha256.update(Long.toString(counter).getBytes(StandardCharsets.US_ASCII));
            if (hasLeadingZeroBits(sha256.digest(), difficulty)) {
                return challenge + ":" + counter;
            }
        }
        throw new IllegalStateException("no solution found for difficulty " + difficulty);
    }

    /** True when {@code digest} starts with at least {@code bits} zero bits. */
    static boolean hasLeadingZeroBits(byte[] digest, int bits) {
        if (bits > digest.length * 8) {
            return false;
        }
        int fullBytes = bits / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (digest[i] != 0) {
                return false;
            }
        }
        int rest = bits % 8;
        return rest == 0 || ((digest[fullBytes] & 0xff) >>> (8 - rest)) == 0;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
