package org.opensspr.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class Argon2idHasherTests {

    private static final String PHC_PATTERN =
            "\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}";

    private final Argon2idHasher hasher = new Argon2idHasher();
    private final Argon2idHasher fastHasher = new Argon2idHasher(1024, 1, 1, new SecureRandom());

    @Test
    void hashWhenDefaultParametersThenPhcStringWithOwaspMinimum() {
        assertThat(hasher.hash("fluffy the cat")).matches(PHC_PATTERN);
    }

    @Test
    void hashWhenSameAnswerTwiceThenDifferentSaltsThatBothMatch() {
        String first = hasher.hash("fluffy the cat");
        String second = hasher.hash("fluffy the cat");

        assertThat(first).isNotEqualTo(second);
        assertThat(hasher.matches("fluffy the cat", first)).isTrue();
        assertThat(hasher.matches("fluffy the cat", second)).isTrue();
    }

    @Test
    void matchesWhenWrongAnswerThenFalse() {
        String phc = fastHasher.hash("fluffy the cat");

        assertThat(fastHasher.matches("fluffy the dog", phc)).isFalse();
        assertThat(fastHasher.matches("Fluffy the cat", phc))
                .as("answers are compared as given")
                .isFalse();
        assertThat(fastHasher.matches("", phc)).isFalse();
    }

    @Test
    void matchesWhenParametersDifferFromTheHasherThenReadsThemFromTheString() {
        String phc = fastHasher.hash("fluffy the cat");

        assertThat(phc).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
        assertThat(hasher.matches("fluffy the cat", phc)).isTrue();
        assertThat(hasher.matches("fluffy the dog", phc)).isFalse();
    }

    @Test
    void matchesWhenStringComesFromTheReferenceImplementationThenTrue() {
        // Vectors of the Argon2 reference implementation (phc-winner-argon2): "password", salt "somesalt".
        assertThat(hasher.matches(
                        "password",
                        "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4"))
                .isTrue();
        assertThat(hasher.matches(
                        "password",
                        "$argon2id$v=19$m=256,t=2,p=2$c29tZXNhbHQ$bQk8UB/VmZZF4Oo79iDXuL5/0ttZwg2f/5U52iv1cDc"))
                .isTrue();
        assertThat(hasher.matches(
                        "passwore",
                        "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4"))
                .isFalse();
    }

    @Test
    void matchesWhenStringIsMalformedThenFalseWithoutThrowing() {
        String good = fastHasher.hash("fluffy the cat");
        String salt = good.split("\\$")[4];
        String hash = good.split("\\$")[5];

        assertThat(fastHasher.matches("fluffy the cat", null)).isFalse();
        assertThat(fastHasher.matches(null, good)).isFalse();
        assertThat(fastHasher.matches("fluffy the cat", "")).isFalse();
        assertThat(fastHasher.matches("fluffy the cat", "$")).isFalse();
        assertThat(fastHasher.matches("fluffy the cat", "not a hash at all")).isFalse();
        assertThat(fastHasher.matches("fluffy the cat", good.replace("$argon2id$", "$argon2i$")))
                .isFalse();
        assertThat(fastHasher.matches("fluffy the cat", good.replace("$argon2id$", "$argon2d$")))
                .isFalse();
        assertThat(fastHasher.matches("fluffy the cat", "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"))
                .isFalse();
        assertThat(fastHasher.matches("fluffy the cat", good.replace("v=19", "v=16")))
                .isFalse();
        assertThat(fastHasher.matches("fluffy the cat", good + "=")).isFalse();
        assertThat(fastHasher.matches("fluffy the cat", good.substring(0, good.length() - 1)))
                .isFalse();
        assertThat(fastHasher.matches("fluffy the cat", good.substring(0, good.lastIndexOf('$'))))
                .isFalse();
        assertThat(fastHasher.matches("fluffy the cat", good.replace(hash, hash.substring(0, 21))))
                .isFalse();
        assertThat(fastHasher.matches("fluffy the cat", good.replace(salt, "c2FsdA")))
                .as("4-byte salt")
                .isFalse();
        assertThat(fastHasher.matches("fluffy the cat", good.replace(hash, "!" + hash.substring(1))))
                .isFalse();
        assertThat(fastHasher.matches("fluffy the cat", good.replace("m=1024", "m=99999999999")))
                .isFalse();
        assertThat(fastHasher.matches("fluffy the cat", good.replace("m=1024", "m=4")))
                .isFalse();
        assertThat(fastHasher.matches("fluffy the cat", good.replace("t=1", "t=0")))
                .isFalse();
        assertThat(fastHasher.matches("fluffy the cat", good.replace("p=1", "p=0")))
                .isFalse();
        assertThat(fastHasher.matches("fluffy the cat", good.replace("m=1024,t=1,p=1", "t=1,m=1024,p=1")))
                .isFalse();
        assertThat(fastHasher.matches("fluffy the cat", " " + good)).isFalse();
    }

    @Test
    void matchesWhenParametersExceedTheLimitsThenFalseWithoutComputing() {
        String phc = fastHasher.hash("fluffy the cat");

        assertThat(hasher.matches("fluffy the cat", phc.replace("m=1024", "m=" + (Argon2idHasher.MAX_MEMORY_KIB + 1))))
                .isFalse();
        assertThat(hasher.matches("fluffy the cat", phc.replace("t=1", "t=" + (Argon2idHasher.MAX_ITERATIONS + 1))))
                .isFalse();
        assertThat(hasher.matches("fluffy the cat", phc.replace("p=1", "p=" + (Argon2idHasher.MAX_PARALLELISM + 1))))
                .isFalse();
    }

    @Test
    void hashWhenAnswerIsNullThenRefuses() {
        assertThatIllegalArgumentException().isThrownBy(() -> hasher.hash(null)).withMessage("answer cannot be null");
    }

    @Test
    void constructorWhenParametersOutOfRangeThenRefuses() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Argon2idHasher(4, 1, 1, new SecureRandom()));
        assertThatIllegalArgumentException().isThrownBy(() -> new Argon2idHasher(1024, 0, 1, new SecureRandom()));
        assertThatIllegalArgumentException().isThrownBy(() -> new Argon2idHasher(1024, 1, 1, null));
    }

    @Test
    void hashWithDefaultParametersTakesAMeasurableTime() {
        hasher.hash("warm up the jit");
        int runs = 5;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            hasher.hash("fluffy the cat " + i);
        }
        double millis = (System.nanoTime() - start) / 1e6 / runs;
        System.out.printf("Argon2id m=19456 KiB, t=2, p=1: %.1f ms per hash (average of %d)%n", millis, runs);
        assertThat(millis).isPositive();
    }
}
