package org.opensspr.branding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.opensspr.Bundles;
import org.opensspr.system.InvalidInput;
import org.opensspr.system.SettingsFixtures;

class BrandingTests {

    @Test
    void theDefaultIsTodaysLook() {
        assertThat(Branding.DEFAULT.primary()).isEqualTo("#0b3d91");
        assertThat(Branding.DEFAULT.accent()).isEqualTo("#0b3d91");
        assertThat(Branding.DEFAULT.organisationName()).isNull();
        assertThat(Branding.DEFAULT.helpdeskText(Locale.ENGLISH)).isNull();
    }

    @Test
    void contrastIsComputedAsWcagDoes() {
        assertThat(Contrast.ratio("#000000", "#ffffff")).isEqualTo(21.0);
        assertThat(Contrast.ratio("#ffffff", "#ffffff")).isEqualTo(1.0);
        assertThat(Contrast.shown(Contrast.ratio("#777777", "#ffffff"))).isEqualTo("4.47:1");
        assertThat(Contrast.ratio("#767676", "#ffffff")).isGreaterThanOrEqualTo(4.5);
        assertThat(Contrast.ratio(Branding.DEFAULT_PRIMARY, "#ffffff")).isGreaterThanOrEqualTo(4.5);
    }

    @Test
    void aColourWithEnoughContrastIsTakenInLowerCase() {
        assertThat(new Branding(null, "#767676", " #0B3D91 ", null).primaryColour())
                .isEqualTo("#767676");
        assertThat(new Branding(null, null, " #0B3D91 ", null).accentColour()).isEqualTo("#0b3d91");
    }

    @Test
    void aColourBelowAaIsRefusedWithItsContrast() {
        assertThatThrownBy(() -> detailed(() -> new Branding(null, "#777777", null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("primaryColour #777777 has a contrast of 4.47:1 with white");
        assertThatThrownBy(() -> detailed(() -> new Branding(null, null, "#f59e0b", null)))
                .hasMessageContaining("accentColour #f59e0b");
    }

    @Test
    void aColourNotWrittenRrggbbIsRefused() {
        for (String wrong : new String[] {"red", "#123", "#12345g", "0b3d91", "#0b3d9100", "rgb(0,0,0)"}) {
            assertThatThrownBy(() -> detailed(() -> new Branding(null, wrong, null, null)))
                    .as(wrong)
                    .hasMessageContaining("#rrggbb");
        }
    }

    @Test
    void textsAreStrippedBlankIsNoneAndLengthsAreBounded() {
        Branding branding = new Branding("  Acme  ", null, null, new Branding.HelpdeskText(" ", "  "));
        assertThat(branding.organisationName()).isEqualTo("Acme");
        assertThat(branding.helpdeskText()).isNull();
        assertThatThrownBy(() -> detailed(() -> new Branding("x".repeat(101), null, null, null)))
                .hasMessageContaining("organisationName can have at most 100 characters");
        assertThatThrownBy(() -> detailed(() -> new Branding("Ac\u0007me", null, null, null)))
                .hasMessageContaining("control characters");
        assertThatThrownBy(() -> detailed(() -> new Branding.HelpdeskText("x".repeat(501), null)))
                .hasMessageContaining("helpdeskText.en can have at most 500 characters");
    }

    @Test
    void theHelpdeskTextSpeaksThePagesLanguageElseTheOther() {
        Branding both = new Branding(null, null, null, new Branding.HelpdeskText("Call 1234", "Bel 1234"));
        assertThat(both.helpdeskText(Locale.ENGLISH)).isEqualTo("Call 1234");
        assertThat(both.helpdeskText(Locale.forLanguageTag("nl-NL"))).isEqualTo("Bel 1234");
        Branding english = new Branding(null, null, null, new Branding.HelpdeskText("Call 1234", null));
        assertThat(english.helpdeskText(Locale.forLanguageTag("nl"))).isEqualTo("Call 1234");
    }

    @Test
    void theStoredRecordRoundTripsAndToleratesUnknownAndMissingFields() {
        Branding branding = new Branding("Acme", "#123456", "#654321", new Branding.HelpdeskText("Call", "Bel"));
        String written = SettingsFixtures.documents().write(StoredBranding.SETTING, StoredBranding.of(branding));
        assertThat(SettingsFixtures.documents()
                        .read(StoredBranding.SETTING, written, 1)
                        .branding())
                .isEqualTo(branding);

        Branding tolerant = SettingsFixtures.documents()
                .read(
                        StoredBranding.SETTING,
                        "{\"organisationName\":\"Acme\",\"font\":\"Arial\",\"helpdeskText\":{\"nl\":\"Bel\",\"de\":\"Ruf\"}}",
                        null)
                .branding();
        assertThat(tolerant).isEqualTo(new Branding("Acme", null, null, new Branding.HelpdeskText(null, "Bel")));
    }

    /** Runs {@code check}; an {@link InvalidInput} comes out as its English detail, as the API answers it. */
    private static Object detailed(java.util.function.Supplier<Object> check) {
        try {
            return check.get();
        } catch (InvalidInput e) {
            throw new IllegalArgumentException(
                    e.problem().render(Bundles.messages(), Locale.ENGLISH).getDetail(), e);
        }
    }
}
