package org.opensspr.enrollment;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opensspr.policy.MethodType;
import org.opensspr.policy.PolicyService;
import org.opensspr.secrets.Argon2idHasher;
import org.opensspr.secrets.Digests;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Security questions in a reset: which to ask (picked at random from the user's registered ones)
 * and whether the answers match their Argon2id hashes. Every answer is hashed even after a
 * mismatch, so the time taken does not say which answer was wrong.
 */
@Component
public class QuestionChecks {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final TypeReference<List<StoredAnswer>> STORED = new TypeReference<>() {};

    private final JdbcRegistrationRepository registrations;
    private final QuestionCatalog catalog;
    private final Argon2idHasher hasher;
    private final PolicyService policies;
    private final ObjectMapper json;
    private volatile String dummyHash;

    QuestionChecks(
            JdbcRegistrationRepository registrations,
            QuestionCatalog catalog,
            Argon2idHasher hasher,
            PolicyService policies,
            ObjectMapper json) {
        this.registrations = registrations;
        this.catalog = catalog;
        this.hasher = hasher;
        this.policies = policies;
        this.json = json;
    }

    /** {@code count} of the user's registered questions, in random order. */
    public List<Question> pick(String login, int count, Locale locale) {
        return shuffled(stored(login).stream().map(StoredAnswer::questionId).toList(), count, locale);
    }

    /**
     * A decoy's questions: {@code count} of {@code standIn} (the ids a decoy "registered") in random
     * order, exactly as {@link #pick} treats a real user's. The login's registration is read all the
     * same, so that a decoy costs the database what a real user does.
     */
    public List<Question> pickStandIn(String login, List<String> standIn, int count, Locale locale) {
        stored(login);
        return shuffled(standIn, count, locale);
    }

    private List<Question> shuffled(List<String> registered, int count, Locale locale) {
        List<String> ids = new ArrayList<>(registered);
        Collections.shuffle(ids, RANDOM);
        return ids.stream()
                .limit(count)
                .map(id -> new Question(id, text(id, locale)))
                .toList();
    }

    /** Whether every asked question has a matching answer. */
    public boolean matches(String login, List<String> asked, Map<String, String> answers) {
        Map<String, String> hashes = new java.util.HashMap<>();
        stored(login).forEach(a -> hashes.put(a.questionId(), a.hash()));
        boolean all = !asked.isEmpty();
        for (String id : asked) {
            String answer = answers.get(id);
            // Hash even when there is nothing to compare with, so that timing does not tell.
            boolean match = hasher.matches(
                    AnswerNormalizer.normalize(answer == null ? "" : answer), hashes.getOrDefault(id, dummyHash()));
            all &= match && answer != null && hashes.containsKey(id);
        }
        return all;
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = hasher.hash(Digests.newToken());
            dummyHash = hash;
        }
        return hash;
    }

    /** The text of a predefined question in {@code locale}, or of the admin's custom question. */
    public String text(String id, Locale locale) {
        if (catalog.isPredefined(id)) {
            return catalog.text(id, locale);
        }
        return policies.current().customQuestions().stream()
                .filter(q -> CustomQuestions.idOf(q).equals(id))
                .findFirst()
                .orElse(id);
    }

    List<StoredAnswer> stored(String login) {
        Optional<RegisteredMethod> method = registrations.method(login, MethodType.QUESTIONS);
        return method.map(m -> json.readValue(m.value(), STORED)).orElse(List.of());
    }

    /** One registered answer: the question and the Argon2id hash of the normalised answer. */
    record StoredAnswer(String questionId, String hash) {}
}
