package org.opensspr.passwordpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PasswordMessagesTests {

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = PasswordMessages.class.getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void everyKeyInEveryLanguage() throws IOException {
        Properties english = load("messages.properties");
        Properties dutch = load("messages_nl.properties");
        assertThat(dutch.keySet()).isEqualTo(english.keySet());
        assertThat(english).isNotEmpty();
    }

    @Test
    void everyCodeTheRulesUseHasAMessage() throws IOException {
        Properties english = load("messages.properties");
        for (String code : new String[] {
            "password-empty",
            "password-too-short",
            "password-too-long",
            "password-control-character",
            "password-invisible",
            "password-predictable",
            "password-three-classes",
            "password-too-common",
            "password-breached"
        }) {
            assertThat(english).containsKey(PasswordMessages.keyOf(code));
        }
    }
}
