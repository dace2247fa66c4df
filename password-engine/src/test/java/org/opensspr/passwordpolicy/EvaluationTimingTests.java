package org.opensspr.passwordpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Prints (does not assert) how long one evaluation takes with the global list loaded, for the
 * README: the median over 10,000 evaluations of varied passwords, after a warm-up. JMH in
 * {@code bench} gives the careful number; this one is quick.
 */
class EvaluationTimingTests {

    @Test
    void printMedianEvaluationTime() {
        PasswordRules rules = PasswordRules.withGlobalList();
        PasswordSettings settings =
                PasswordSettings.defaults().withCustomBannedTerms(List.of("contoso", "blank", "fabrikam"));
        PasswordContext context =
                new PasswordContext("alice", "Alice", "Liddell", "alice.liddell@example.org", "Contoso");
        List<String> passwords = passwords(10_000);
        long[] nanos = new long[passwords.size()];
        int refused = 0;
        for (int round = 0; round < 3; round++) {
            refused = 0;
            for (int i = 0; i < passwords.size(); i++) {
                long start = System.nanoTime();
                refused += rules.evaluate(passwords.get(i), context, settings).isEmpty() ? 0 : 1;
                nanos[i] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        System.out.printf(
                "password evaluation with %d global terms (%d KiB index): median %.1f us, p99 %.1f us"
                        + " over %d passwords of 8-24 characters (%d refused)%n",
                BannedTerms.global().size(),
                BannedTerms.global().bytes() / 1024,
                nanos[nanos.length / 2] / 1000.0,
                nanos[nanos.length * 99 / 100] / 1000.0,
                nanos.length,
                refused);
        assertThat(refused).isPositive();
    }

    @Test
    void printLookupTimeWithFiftyThousandTerms() {
        Random random = new Random(7);
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            terms.add(word(random, 4 + random.nextInt(13)));
        }
        long built = System.nanoTime();
        BannedTerms big = BannedTerms.of(terms);
        long buildMillis = (System.nanoTime() - built) / 1_000_000;
        List<String> passwords = passwords(10_000);
        long[] nanos = new long[passwords.size()];
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < passwords.size(); i++) {
                long start = System.nanoTime();
                big.score(passwords.get(i));
                nanos[i] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        System.out.printf(
                "banned score with 50,000 terms (%d KiB index, built in %d ms): median %.1f us%n",
                big.bytes() / 1024, buildMillis, nanos[nanos.length / 2] / 1000.0);
        assertThat(big.size()).isGreaterThan(49_000); // a few random terms end in spaces and strip to 3
    }

    /** Varied passwords: common ones, leetspeak, context, random, long passphrases. */
    private static List<String> passwords(int count) {
        Random random = new Random(42);
        List<String> common = BannedTerms.globalTerms();
        List<String> passwords = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String word = common.get(random.nextInt(common.size()));
            passwords.add(
                    switch (i % 5) {
                        case 0 -> word + random.nextInt(10_000);
                        case 1 -> word.replace('a', '@').replace('o', '0').replace('e', '3') + "!";
                        case 2 -> "Alice" + (1950 + random.nextInt(80)) + "!";
                        case 3 -> word(random, 8 + random.nextInt(17));
                        default -> word + " " + common.get(random.nextInt(common.size())) + " " + word(random, 4);
                    });
        }
        return passwords;
    }

    private static String word(Random random, int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#%&*-_ ";
        StringBuilder word = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            word.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return word.toString();
    }
}
