package org.opensspr.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/** A message is in the recipient's preferredLanguage, else the request's language, else English. */
class LanguagesTests {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void preferredWhenTheDirectorySaysALanguageWeSpeakThenThatLanguage() {
        assertThat(Languages.preferred("nl")).contains(DUTCH);
        assertThat(Languages.preferred("nl-BE")).contains(DUTCH);
        assertThat(Languages.preferred(" NL ")).contains(DUTCH);
        assertThat(Languages.preferred("en-GB")).contains(Locale.ENGLISH);
    }

    @Test
    void preferredReadsTheAcceptLanguageFormOfRfc2798ByWeight() {
        assertThat(Languages.preferred("fr, nl;q=0.8, en;q=0.5")).contains(DUTCH);
        assertThat(Languages.preferred("en;q=0.3, nl;q=0.9")).contains(DUTCH);
        assertThat(Languages.preferred("nl;q=0, en")).contains(Locale.ENGLISH);
    }

    @Test
    void preferredWhenNothingUsableThenEmpty() {
        assertThat(Languages.preferred(null)).isEmpty();
        assertThat(Languages.preferred("  ")).isEmpty();
        assertThat(Languages.preferred("fr-FR, de")).isEmpty();
        assertThat(Languages.preferred("*")).isEmpty();
        assertThat(Languages.preferred("not a ; language ;; =")).isEmpty();
    }

    @Test
    void forRecipientPrefersTheDirectoryOverTheRequest() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(Languages.forRecipient(Optional.of("nl"))).isEqualTo(DUTCH);
        LocaleContextHolder.setLocale(DUTCH);
        assertThat(Languages.forRecipient(Optional.of("en"))).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void forRecipientWithoutAUsablePreferenceTakesTheRequestsLanguage() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("nl-NL"));
        assertThat(Languages.forRecipient(Optional.empty())).isEqualTo(DUTCH);
        assertThat(Languages.forRecipient(Optional.of("de"))).isEqualTo(DUTCH);
        LocaleContextHolder.setLocale(Locale.GERMANY);
        assertThat(Languages.forRecipient(Optional.empty())).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void supportedTakesTheFirstLanguageWeSpeak() {
        assertThat(Languages.supported(List.of(Locale.FRENCH, Locale.forLanguageTag("nl-BE"), Locale.ENGLISH)))
                .isEqualTo(DUTCH);
        assertThat(Languages.supported(List.of(Locale.FRENCH))).isEqualTo(Locale.ENGLISH);
    }
}
