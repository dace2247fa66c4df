package org.opensspr.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensspr.enrollment.PhoneProperties;
import org.opensspr.enrollment.QuestionCatalog;
import org.opensspr.policy.MethodType;
import org.opensspr.policy.Requirements;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.secrets.MasterKey;
import tools.jackson.databind.json.JsonMapper;

class DecoysTests {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder()
            .encodeToString("another key of thirty-two bytes!".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    @TempDir
    Path keys;

    private final SsprPolicy policy = JsonMapper.builder()
            .build()
            .convertValue(
                    Map.of(
                            "methods",
                            List.of("email", "sms", "totp", "questions"),
                            "methodsRequired",
                            2,
                            "useDirectoryContacts",
                            false),
                    SsprPolicy.class);
    private final Requirements ordinary = new Requirements(2, policy.methods());

    private Decoys decoys(String key) {
        return new Decoys(
                MasterKey.load(key, keys),
                new QuestionCatalog(),
                () -> Optional.of("US"),
                Optional::empty,
                new PhoneProperties("NL"),
                Clock.systemUTC());
    }

    @Test
    void theSameKeyGivesTheSameDecoyAfterARestartWhateverTheCaseOfTheLogin() {
        Decoys before = decoys(KEY);
        Decoys after = decoys(KEY);
        for (int i = 0; i < 20; i++) {
            String login = "nobody-" + i;
            assertThat(after.methods(login.toUpperCase(java.util.Locale.ROOT), policy, ordinary, "dc=example,dc=org"))
                    .isEqualTo(before.methods(login, policy, ordinary, "dc=example,dc=org"));
            assertThat(after.questionIds(" " + login, policy)).isEqualTo(before.questionIds(login, policy));
        }
    }

    @Test
    void anotherKeyGivesOtherDecoys() {
        Set<List<String>> same = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            List<String> mine = decoys(KEY).questionIds("nobody-" + i, policy);
            if (mine.equals(decoys(OTHER_KEY).questionIds("nobody-" + i, policy))) {
                same.add(mine);
            }
        }
        assertThat(same).isEmpty();
    }

    @Test
    void aDecoyOffersAtLeastTheRequiredMethodsInTheOrderRealFlowsListThem() {
        Decoys decoys = decoys(KEY);
        Set<List<MethodType>> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            List<MethodType> types = decoys.methods("nobody-" + i, policy, ordinary, "dc=example,dc=org").stream()
                    .map(FlowMethod::type)
                    .toList();
            assertThat(types).hasSizeGreaterThanOrEqualTo(2).isSorted().doesNotHaveDuplicates();
            seen.add(types);
        }
        assertThat(seen)
                .as("subsets of the policy's methods, not all of them every time")
                .hasSizeGreaterThan(3);
    }

    @Test
    void decoyQuestionsAreAsManyAsAUserRegistersFromTheCatalogueAndTheAdminsOwn() {
        List<String> ids = decoys(KEY).questionIds("alfred", policy);
        assertThat(ids).hasSize(policy.questionsToRegister()).doesNotHaveDuplicates();
        assertThat(ids).allMatch(id -> new QuestionCatalog().isPredefined(id));
    }

    @Test
    void decoyHintsFollowTheConfiguredRegionAndTheMailDomainOnFile() {
        Decoys decoys = new Decoys(
                MasterKey.load(KEY, keys),
                new QuestionCatalog(),
                () -> Optional.of("NL"),
                () -> Optional.of("mail.example.net"),
                new PhoneProperties("DE"),
                Clock.systemUTC());
        for (FlowMethod method :
                decoys.methods("alfred", policy, new Requirements(4, policy.methods()), "dc=example,dc=org")) {
            switch (method.type()) {
                case EMAIL -> assertThat(method.hint()).isEqualTo("a*****@m*****.net");
                case SMS -> assertThat(method.hint()).matches("\\+\\*{11}[0-9]{2}"); // +49 and eleven digits
                case TOTP, QUESTIONS -> assertThat(method.hint()).isEmpty();
            }
        }
    }

    @Test
    void decoyHintsHaveTheShapeOfRealOnes() {
        for (FlowMethod method :
                decoys(KEY).methods("=cmd", policy, new Requirements(4, policy.methods()), "DC=Example,DC=org")) {
            assertThat(method.address()).isNull();
            switch (method.type()) {
                case EMAIL -> assertThat(method.hint()).matches("[a-z]\\*{5}@e\\*{5}\\.org");
                case SMS -> assertThat(method.hint()).matches("\\+\\*{9}[0-9]{2}");
                case TOTP, QUESTIONS -> assertThat(method.hint()).isEmpty();
            }
        }
    }
}
