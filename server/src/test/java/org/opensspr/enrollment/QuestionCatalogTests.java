package org.opensspr.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class QuestionCatalogTests {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    private final QuestionCatalog catalog = new QuestionCatalog();

    @Test
    void idsAreAtLeastTwentyNumberedFromQ01() {
        assertThat(catalog.ids())
                .hasSizeGreaterThanOrEqualTo(20)
                .startsWith("q01", "q02")
                .doesNotHaveDuplicates();
        for (int i = 0; i < catalog.ids().size(); i++) {
            assertThat(catalog.ids().get(i)).isEqualTo(String.format(Locale.ROOT, "q%02d", i + 1));
        }
    }

    @Test
    void englishAndDutchBundlesHaveExactlyTheSameKeys() throws IOException {
        Properties english = load("i18n/questions.properties");
        Properties dutch = load("i18n/questions_nl.properties");

        assertThat(dutch.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
    }

    @Test
    void everyQuestionHasAnEnglishAndADifferentDutchText() {
        for (String id : catalog.ids()) {
            String english = catalog.text(id, Locale.ENGLISH);
            String dutch = catalog.text(id, DUTCH);
            assertThat(english).as(id).isNotBlank().endsWith("?");
            assertThat(dutch).as(id).isNotBlank().endsWith("?").isNotEqualTo(english);
        }
    }

    @Test
    void questionTextsAreUniqueWithinALanguage() {
        assertThat(catalog.ids().stream().map(id -> catalog.text(id, Locale.ENGLISH)))
                .doesNotHaveDuplicates();
        assertThat(catalog.ids().stream().map(id -> catalog.text(id, DUTCH))).doesNotHaveDuplicates();
    }

    @Test
    void textWhenDutchRegionThenDutch() {
        assertThat(catalog.text("q01", Locale.forLanguageTag("nl-BE"))).isEqualTo(catalog.text("q01", DUTCH));
    }

    @Test
    void textWhenLocaleHasNoBundleThenEnglish() {
        String english = catalog.text("q01", Locale.ENGLISH);

        assertThat(catalog.text("q01", Locale.JAPANESE)).isEqualTo(english);
        assertThat(catalog.text("q01", Locale.forLanguageTag("fr-CA"))).isEqualTo(english);
        assertThat(catalog.text("q01", Locale.ROOT)).isEqualTo(english);
        assertThat(catalog.text("q01", null)).isEqualTo(english);
    }

    @Test
    void textWhenDefaultLocaleIsDutchThenUnknownLocaleStillGetsEnglish() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(DUTCH);
            assertThat(new QuestionCatalog().text("q01", Locale.JAPANESE))
                    .isEqualTo(catalog.text("q01", Locale.ENGLISH));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void isPredefinedOnlyForCatalogIds() {
        assertThat(catalog.isPredefined("q01")).isTrue();
        assertThat(catalog.isPredefined("q99")).isFalse();
        assertThat(catalog.isPredefined("custom-1")).isFalse();
        assertThat(catalog.isPredefined(null)).isFalse();
    }

    @Test
    void textWhenUnknownIdThenRefuses() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> catalog.text("q99", Locale.ENGLISH))
                .withMessageContaining("q99");
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = QuestionCatalogTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        }
        return properties;
    }
}
