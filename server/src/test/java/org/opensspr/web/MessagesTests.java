package org.opensspr.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The portal's texts exist in every language: the same keys in English and Dutch, none empty. */
class MessagesTests {

    private static final String[] BUNDLES = {"i18n/messages", "i18n/questions"};

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
    void textsWithArgumentsHaveNoPlainApostrophe() throws IOException {
        Properties english = load("i18n/messages.properties");
        Properties dutch = load("i18n/messages_nl.properties");
        for (Properties texts : new Properties[] {english, dutch}) {
            assertThat(texts.stringPropertyNames())
                    .allSatisfy(key -> assertThat(texts.getProperty(key))
                            .as(key + ": a plain apostrophe is a quote in a message with {0}")
                            .doesNotContain("'"));
        }
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
