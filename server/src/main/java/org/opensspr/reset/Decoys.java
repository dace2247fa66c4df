package org.opensspr.reset;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.opensspr.enrollment.CustomQuestions;
import org.opensspr.enrollment.Hints;
import org.opensspr.enrollment.MethodsService;
import org.opensspr.enrollment.PhoneNumbers;
import org.opensspr.enrollment.PhoneProperties;
import org.opensspr.enrollment.QuestionCatalog;
import org.opensspr.policy.MethodType;
import org.opensspr.policy.Requirements;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.secrets.MasterKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * What a decoy flow shows, made to look like what a registered user in scope who is not an admin
 * would see, so that neither the answer nor trying a login again tells a decoy from a real account:
 *
 * <ul>
 *   <li>the methods are a subset of what such a user may have ({@link Requirements#allowed()}), at
 *       least {@code required} of them, in the order real flows list them; email is always among
 *       them while the directory's {@code mail} counts (nearly every account has one);
 *   <li>hints have the shape of real ones: a mobile number as long as one of {@code
 *       sspr.phone.default-region} (or of the country most numbers on file have), an address that
 *       starts as the login does, at the domain most addresses on file have (else the base DN's);
 *   <li>the security questions a decoy "registered" are {@code questionsToRegister} of the catalogue
 *       and the admin's own, from which each challenge picks as it does for a real user.
 * </ul>
 *
 * <p>Every choice is drawn from an HMAC of the login (lower-cased) under a key derived from the
 * master key: the same on every try, on every node and after a restart, and not predictable
 * without the key. Nothing here reads the database except, at most once an hour, the numbers and
 * addresses on file.
 */
@Component
class Decoys {

    private static final Duration ON_FILE_FOR = Duration.ofHours(1);

    private final byte[] key;
    private final QuestionCatalog catalog;
    private final Supplier<Optional<String>> regionOnFile;
    private final Supplier<Optional<String>> domainOnFile;
    private final String configuredRegion;
    private final Clock clock;
    private volatile OnFile onFile;

    @Autowired
    Decoys(MasterKey masterKey, QuestionCatalog catalog, MethodsService methods, PhoneProperties phone, Clock clock) {
        this(masterKey, catalog, methods::commonestPhoneRegion, methods::commonestEmailDomain, phone, clock);
    }

    /** With what is on file given directly (tests). */
    Decoys(
            MasterKey masterKey,
            QuestionCatalog catalog,
            Supplier<Optional<String>> regionOnFile,
            Supplier<Optional<String>> domainOnFile,
            PhoneProperties phone,
            Clock clock) {
        this.key = masterKey.derive("decoy");
        this.catalog = catalog;
        this.regionOnFile = regionOnFile;
        this.domainOnFile = domainOnFile;
        this.configuredRegion = phone.defaultRegion();
        this.clock = clock;
    }

    /** The methods a decoy flow offers for {@code login}; {@code ordinary} is what a non-admin in scope must pass. */
    List<FlowMethod> methods(String login, SsprPolicy policy, Requirements ordinary, String baseDn) {
        Random draw = draw("methods", login);
        List<MethodType> chosen = new ArrayList<>();
        for (MethodType type : ordinary.allowed()) {
            boolean fromDirectory = type == MethodType.EMAIL && policy.useDirectoryContacts();
            if (draw.nextBoolean() || fromDirectory) {
                chosen.add(type);
            }
        }
        for (MethodType type : ordinary.allowed()) {
            if (chosen.size() < ordinary.required() && !chosen.contains(type)) {
                chosen.add(type);
            }
        }
        Collections.sort(chosen);
        Random hints = draw("hints", login);
        boolean codes = chosen.contains(MethodType.EMAIL) || chosen.contains(MethodType.SMS);
        OnFile usual = codes ? onFile() : new OnFile(configuredRegion, null, null);
        String email = emailHint(login, usual.domain() == null ? domainOf(baseDn) : usual.domain(), hints.nextInt(26));
        String phone = Hints.phone(PhoneNumbers.plausibleMobile(usual.region(), hints.nextInt(100)));
        return chosen.stream()
                .map(type -> new FlowMethod(
                        type.id(),
                        type,
                        switch (type) {
                            case EMAIL -> email;
                            case SMS -> phone;
                            case TOTP, QUESTIONS -> "";
                        },
                        null))
                .toList();
    }

    /**
     * The ids of the questions a decoy for {@code login} "registered": {@code questionsToRegister}
     * of the catalogue and the policy's custom questions, the same on every try and in every language.
     */
    List<String> questionIds(String login, SsprPolicy policy) {
        List<String> pool = new ArrayList<>(catalog.ids());
        policy.customQuestions().forEach(text -> pool.add(CustomQuestions.idOf(text)));
        Collections.shuffle(pool, draw("questions", login));
        return List.copyOf(pool.subList(0, Math.min(policy.questionsToRegister(), pool.size())));
    }

    /** {@code alfred} at {@code example.org} -> the hint of {@code a...@example.org}. */
    private static String emailHint(String login, String domain, int letter) {
        String typed = login.strip().toLowerCase(Locale.ROOT);
        char first = typed.isEmpty() || !Character.isLetterOrDigit(typed.charAt(0))
                ? (char) ('a' + letter)
                : typed.charAt(0);
        return Hints.email(first + "@" + domain);
    }

    /**
     * The country and mail domain real hints most likely show: the configured region, else the one
     * most numbers on file have; the domain most addresses on file have. Read at most once an hour.
     */
    private OnFile onFile() {
        OnFile known = onFile;
        if (known == null || known.readAt().isBefore(clock.instant().minus(ON_FILE_FOR))) {
            known = new OnFile(
                    configuredRegion != null
                            ? configuredRegion
                            : regionOnFile.get().orElse(null),
                    domainOnFile.get().orElse(null),
                    clock.instant());
            onFile = known;
        }
        return known;
    }

    /** What {@link #onFile()} read; {@code region} and {@code domain} are null when nothing was on file. */
    private record OnFile(String region, String domain, Instant readAt) {}

    /** A random sequence of its own for each purpose and login, drawn from the keyed HMAC of both. */
    private Random draw(String purpose, String login) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(
                    (purpose + "\n" + login.strip().toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
            return new Random(ByteBuffer.wrap(digest).getLong());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** {@code dc=example,dc=org} -> {@code example.org}. */
    static String domainOf(String baseDn) {
        StringBuilder domain = new StringBuilder();
        for (String part : baseDn.split(",")) {
            String rdn = part.strip();
            if (rdn.regionMatches(true, 0, "dc=", 0, 3)) {
                domain.append(domain.length() == 0 ? "" : ".").append(rdn.substring(3));
            }
        }
        return domain.length() == 0 ? "example.com" : domain.toString().toLowerCase(Locale.ROOT);
    }
}
