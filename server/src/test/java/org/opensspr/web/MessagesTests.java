package org.opensspr.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opensspr.notify.Message;
import org.opensspr.policy.MethodType;
import org.opensspr.system.ProblemCode;

/**
 * Every text exists in every language: the same keys in English and Dutch, none empty, the same
 * arguments; every problem code ({@link ProblemCode}) and every kind of mail and SMS ({@link
 * Message.Kind}) has its texts, so a missing key fails here, not in front of a user.
 */
class MessagesTests {

    private static final String[] BUNDLES = {"i18n/messages", "i18n/questions"};
    private static final Pattern ARGUMENT = Pattern.compile("\\{([0-9]+)");

    @Test
    void everyEnglishKeyHasADutchTranslationAndTheOtherWayRound() throws IOException {
        for (String bundle : BUNDLES) {
            Properties english = load(bundle + ".properties");
            Properties dutch = load(bundle + "_nl.properties");
            assertThat(dutch.stringPropertyNames())
                    .as(bundle + ": keys missing in Dutch or only in Dutch")
                    .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        }
    }

    @Test
    void noTextIsEmpty() throws IOException {
        for (String bundle : BUNDLES) {
            for (String file : new String[] {bundle + ".properties", bundle + "_nl.properties"}) {
                Properties texts = load(file);
                assertThat(texts.stringPropertyNames())
                        .as(file)
                        .isNotEmpty()
                        .allSatisfy(key -> assertThat(texts.getProperty(key))
                                .as(file + ": " + key)
                                .isNotBlank());
            }
        }
    }

    @Test
    void anApostropheIsDoubledInATextWithArgumentsAndAbsentFromOthers() throws IOException {
        Properties english = load("i18n/messages.properties");
        Properties dutch = load("i18n/messages_nl.properties");
        for (Properties texts : new Properties[] {english, dutch}) {
            assertThat(texts.stringPropertyNames()).allSatisfy(key -> {
                String text = texts.getProperty(key);
                if (ARGUMENT.matcher(text).find()) {
                    assertThat(text.replace("''", ""))
                            .as(key + ": a plain apostrophe is a quote in a message with {0}; write '' for one")
                            .doesNotContain("'");
                } else {
                    assertThat(text)
                            .as(key + ": use the typographic apostrophe (’) in a text without arguments")
                            .doesNotContain("'");
                }
            });
        }
    }

    @Test
    void bothLanguagesUseTheSameArguments() throws IOException {
        Properties english = load("i18n/messages.properties");
        Properties dutch = load("i18n/messages_nl.properties");
        assertThat(english.stringPropertyNames())
                .allSatisfy(key -> assertThat(arguments(dutch.getProperty(key, "")))
                        .as(key)
                        .isEqualTo(arguments(english.getProperty(key))));
    }

    @Test
    void everyProblemCodeHasATitleAndADetailInEveryLanguage() throws IOException {
        for (String file : new String[] {"i18n/messages.properties", "i18n/messages_nl.properties"}) {
            Properties texts = load(file);
            assertThat(ProblemCode.values()).allSatisfy(code -> {
                assertThat(texts.getProperty(code.titleKey()))
                        .as(file + ": " + code.titleKey())
                        .isNotBlank();
                assertThat(texts.getProperty(code.detailKey()))
                        .as(file + ": " + code.detailKey())
                        .isNotBlank();
            });
            assertThat(MethodType.values())
                    .as(file + ": the method names in problem details")
                    .allSatisfy(type -> assertThat(texts.getProperty("problem.method." + type.id()))
                            .as(file + ": problem.method." + type.id())
                            .isNotBlank());
        }
    }

    @Test
    void everyProblemKeyBelongsToAProblemCode() throws IOException {
        Set<String> known = new HashSet<>();
        for (ProblemCode code : ProblemCode.values()) {
            known.add(code.titleKey());
            known.add(code.detailKey());
        }
        for (MethodType type : MethodType.values()) {
            known.add("problem.method." + type.id());
        }
        assertThat(load("i18n/messages.properties").stringPropertyNames())
                .filteredOn(key -> key.startsWith("problem."))
                .as("problem texts no code uses")
                .allMatch(known::contains);
    }

    @Test
    void everyMessageKindHasItsTextsInEveryLanguage() throws IOException {
        for (String file : new String[] {"i18n/messages.properties", "i18n/messages_nl.properties"}) {
            Properties texts = load(file);
            assertThat(texts.getProperty("message.footer")).as(file).isNotBlank();
            for (Message.Kind kind : Message.Kind.values()) {
                List<String> keys =
                        new ArrayList<>(List.of("message." + kind.id() + ".subject", "message." + kind.id() + ".text"));
                if (kind.bySms()) {
                    keys.add("message." + kind.id() + ".sms");
                }
                assertThat(keys)
                        .allSatisfy(key -> assertThat(texts.getProperty(key))
                                .as(file + ": " + key)
                                .isNotBlank());
                if (kind.carriesCode()) {
                    assertThat(keys.subList(1, keys.size()))
                            .as(file + ": the code is {0} in the mail's and the SMS's text of " + kind.id())
                            .allSatisfy(
                                    key -> assertThat(texts.getProperty(key)).contains("{0}"));
                }
            }
        }
    }

    /** The argument indices a text uses, e.g. [0, 1]. */
    private static Set<String> arguments(String text) {
        Set<String> indices = new TreeSet<>();
        Matcher argument = ARGUMENT.matcher(text.replace("''", ""));
        while (argument.find()) {
            indices.add(argument.group(1));
        }
        return indices;
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
