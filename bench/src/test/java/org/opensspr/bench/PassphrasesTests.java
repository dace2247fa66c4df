package org.opensspr.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opensspr.passwordpolicy.BannedTerms;
import org.opensspr.passwordpolicy.BreachedCorpus;
import org.opensspr.passwordpolicy.PasswordContext;
import org.opensspr.passwordpolicy.PasswordRules;
import org.opensspr.passwordpolicy.PasswordSettings;

class PassphrasesTests {

    @Test
    void passphrasesPassTheDefaultPolicyForTheSeededUsers() {
        try (BreachedCorpus shipped = BreachedCorpus.openShipped()) {
            PasswordRules rules = new PasswordRules(BannedTerms.global(), shipped);
            for (int i = 0; i < 2_000; i++) {
                int user = i * 10;
                // what the server knows of a seeded user: login, names, mail, and the organisation (first dc)
                PasswordContext context = new PasswordContext(
                        SeedLdif.login(user),
                        "Bench",
                        "User" + SeedLdif.login(user).substring(4),
                        SeedLdif.mail(user),
                        "example");
                String password = Passphrases.next();
                assertThat(rules.evaluate(password, context, PasswordSettings.defaults()))
                        .as(password)
                        .isEmpty();
            }
        }
    }

    @Test
    void passphrasesPracticallyNeverRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(Passphrases.next());
        }
        assertThat(seen).hasSizeGreaterThan(9_990);
    }

    @Test
    void noWordIsAContextTerm() {
        assertThat(Passphrases.WORDS)
                .allSatisfy(w -> assertThat(w).doesNotContain("user", "bench", "example", "admin"))
                .doesNotHaveDuplicates();
    }
}
