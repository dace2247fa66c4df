package org.opensspr.passwordpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensspr.system.SettingsDocuments;
import org.opensspr.system.SettingsFixtures;

/** Password policies stored by earlier versions load with the same values (fixtures: src/test/resources/settings). */
class StoredPasswordSettingsTests {

    /** What the fixture's PUT set on main at 7299043. */
    static final PasswordSettings WRITTEN_BY_MAIN =
            new PasswordSettings(12, 128, List.of("contoso", "fabrikam"), true, true, false, 5);

    @Test
    void theSettingsMainStoredLoadWithTheSameValues() {
        PasswordSettings loaded = SettingsFixtures.read(StoredPasswordSettings.SETTING, "password-policy-v1-main.json")
                .settings();

        assertThat(loaded).isEqualTo(WRITTEN_BY_MAIN);
    }

    @Test
    void whatThisVersionStoresIsWhatMainStored() {
        String written = SettingsFixtures.documents()
                .write(StoredPasswordSettings.SETTING, StoredPasswordSettings.of(WRITTEN_BY_MAIN));

        assertThat(written).isEqualToIgnoringWhitespace(SettingsFixtures.fixture("password-policy-v1-main.json"));
    }

    @Test
    void unknownFieldsAreIgnored() {
        PasswordSettings loaded = SettingsFixtures.read(
                        StoredPasswordSettings.SETTING, "password-policy-v1-unknown-field.json")
                .settings();

        assertThat(loaded).isEqualTo(WRITTEN_BY_MAIN);
    }

    @Test
    void missingFieldsTakeTheirDefaults() {
        PasswordSettings loaded = SettingsFixtures.read(
                        StoredPasswordSettings.SETTING, "password-policy-v1-removed-field.json")
                .settings();

        assertThat(loaded)
                .isEqualTo(new PasswordSettings(12, 128, List.of("contoso", "fabrikam"), true, true, true, 0));
    }

    @Test
    void settingsOfANewerVersionAreRefused() {
        assertThatThrownBy(() -> SettingsFixtures.read(StoredPasswordSettings.SETTING, "password-policy-v2-newer.json"))
                .isInstanceOf(SettingsDocuments.NewerSettingException.class)
                .hasMessageContaining("'password-policy' has schema version 2");
    }
}
