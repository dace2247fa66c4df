package org.opensspr.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensspr.readiness.OmaUris;

class EffectiveConfigurationTests {

    private static final String RESET = OmaUris.ALLOW_PASSWORD_RESET;
    private static final String DEVICE_RESET =
            "./Device/Vendor/MSFT/Policy/Config/Authentication/AllowAadPasswordReset";

    @Test
    void mergeWhenTwoProfilesSetOneUriDifferentlyThenTheFirstByNameWinsAndTheConflictIsReported() {
        ConfigurationProfile lab =
                new ConfigurationProfile("20-lab", List.of(Setting.of(DEVICE_RESET, "integer", 0)), List.of("lab"));
        ConfigurationProfile base = new ConfigurationProfile(
                "10-base",
                List.of(
                        Setting.of(RESET, "integer", 1),
                        Setting.of("./Vendor/MSFT/Policy/Config/Browser/HomePages", "string", "https://intranet")),
                List.of("all"));
        EffectiveConfiguration merged = EffectiveConfiguration.merge(List.of(lab, base));
        assertThat(merged.value(RESET)).isEqualTo(1L);
        assertThat(merged.settings())
                .extracting(EffectiveConfiguration.AppliedSetting::profile)
                .containsExactly("10-base", "10-base");
        assertThat(merged.conflicts())
                .containsExactly(new EffectiveConfiguration.Conflict(RESET, "10-base", 1L, "20-lab", 0L));
    }

    @Test
    void mergeWhenProfilesAgreeThenNoConflict() {
        EffectiveConfiguration merged = EffectiveConfiguration.merge(List.of(
                new ConfigurationProfile("a", List.of(Setting.of(RESET, "integer", "1")), List.of()),
                new ConfigurationProfile("B", List.of(Setting.of(DEVICE_RESET, "integer", 1)), List.of())));
        assertThat(merged.settings()).hasSize(1);
        assertThat(merged.conflicts()).isEmpty();
    }

    @Test
    void settingWhenTheValueDoesNotFitItsTypeThenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Setting.of(RESET, "integer", "yes"));
        assertThatIllegalArgumentException().isThrownBy(() -> Setting.of(RESET, "boolean", 1));
        assertThatIllegalArgumentException().isThrownBy(() -> Setting.of(RESET, "string", 1));
        assertThatIllegalArgumentException().isThrownBy(() -> Setting.of(RESET, "float", 1));
        assertThatIllegalArgumentException().isThrownBy(() -> Setting.of("Vendor/no-dot-slash", "integer", 1));
        assertThat(Setting.of(RESET, "boolean", "TRUE").value()).isEqualTo(true);
    }

    @Test
    void profileWhenOneUriIsSetTwiceInEitherFormThenRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ConfigurationProfile(
                        "p",
                        List.of(Setting.of(RESET, "integer", 1), Setting.of(DEVICE_RESET, "integer", 1)),
                        List.of()));
    }
}
