package org.opensspr.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hashes secrets that must only ever be compared, never read back (security answers, the password
 * history) with Argon2id (RFC 9106), so that a copy of the database does not give them away; they
 * are short and guessable, so the hash must be slow and salted. Uses
 * OWASP's minimum parameters (m=19456 KiB, t=2, p=1), a 16-byte random salt and a 32-byte hash,
 * written as a PHC string: {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (standard Base64
 * without padding).
 *
 * <p>{@link #matches} reads the parameters from the stored string, so they can be raised later
 * without invalidating old hashes. It accepts only argon2id version 19 with memory up to
 * {@value #MAX_MEMORY_KIB} KiB, at most {@value #MAX_ITERATIONS} passes and
 * {@value #MAX_PARALLELISM} lanes: a tampered string cannot make a verification exhaust the heap.
 * Each hash or verification allocates {@code m} KiB (19 MiB by default) for its duration, so
 * callers must throttle attempts. Nothing is logged. Thread-safe.
 */
public final class Argon2idHasher {

    static final int MAX_MEMORY_KIB = 262_144;
    static final int MAX_ITERATIONS = 16;
    static final int MAX_PARALLELISM = 16;

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,9}),t=(\\d{1,9}),p=(\\d{1,9})\\$([A-Za-z0-9+/]{11,86})\\$([A-Za-z0-9+/]{22,86})");
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    private final SecureRandom random;

    /** Hashes with OWASP's minimum Argon2id parameters: m=19456 KiB, t=2, p=1. */
    public Argon2idHasher() {
        this(19_456, 2, 1, new SecureRandom());
    }

    /** Other parameters, for tests; {@link #matches} accepts any parameters within the limits. */
    Argon2idHasher(int memoryKib, int iterations, int parallelism, SecureRandom random) {
        if (!withinLimits(memoryKib, iterations, parallelism)) {
            throw new IllegalArgumentException("Argon2id parameters are out of range: m=" + memoryKib + ", t="
                    + iterations + ", p=" + parallelism);
        }
        if (random == null) {
            throw new IllegalArgumentException("random cannot be null");
        }
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.random = random;
    }

    /**
     * The PHC string of an answer under a fresh random salt: hashing the same answer twice gives
     * two different strings that both match.
     *
     * @param normalizedAnswer the value to hash, already normalised by the caller (answers: {@code AnswerNormalizer}); it is not normalised here
     * @throws IllegalArgumentException when the answer is null
     */
    public String hash(String normalizedAnswer) {
        if (normalizedAnswer == null) {
            throw new IllegalArgumentException("answer cannot be null");
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2id(normalizedAnswer, salt, memoryKib, iterations, parallelism, HASH_BYTES);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$"
                + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    /**
     * Whether an answer matches a stored PHC string, compared in constant time. Returns
     * {@code false}, and never throws, when either argument is null or the string is not an
     * argon2id v=19 PHC string within the limits.
     *
     * @param normalizedAnswer the value to hash, already normalised by the caller (answers: {@code AnswerNormalizer}); it is not normalised here
     */
    public boolean matches(String normalizedAnswer, String phc) {
        if (normalizedAnswer == null || phc == null) {
            return false;
        }
        Matcher parts = PHC.matcher(phc);
        if (!parts.matches()) {
            return false;
        }
        int memory = Integer.parseInt(parts.group(1));
        int passes = Integer.parseInt(parts.group(2));
        int lanes = Integer.parseInt(parts.group(3));
        if (!withinLimits(memory, passes, lanes)) {
            return false;
        }
        byte[] salt;
        byte[] expected;
        try {
            salt = DECODER.decode(parts.group(4));
            expected = DECODER.decode(parts.group(5));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        if (salt.length < 8 || expected.length < 16 || expected.length > 64) {
            return false;
        }
        byte[] actual = argon2id(normalizedAnswer, salt, memory, passes, lanes, expected.length);
        return MessageDigest.isEqual(actual, expected);
    }

    private static boolean withinLimits(int memoryKib, int iterations, int parallelism) {
        return parallelism >= 1
                && parallelism <= MAX_PARALLELISM
                && iterations >= 1
                && iterations <= MAX_ITERATIONS
                && memoryKib >= 8 * parallelism
                && memoryKib <= MAX_MEMORY_KIB;
    }

    private static byte[] argon2id(
            String answer, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] password = answer.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[length];
        try {
            generator.generateBytes(password, out);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
        return out;
    }
}
