package org.opensspr.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensspr.system.SettingsDocuments;
import org.opensspr.system.SettingsFixtures;

/** Policies stored by earlier versions load with the same values (fixtures: src/test/resources/settings). */
class StoredPolicyTests {

    /** What the fixture's PUT set on main at 7299043. */
    static final SsprPolicy WRITTEN_BY_MAIN = new SsprPolicy(
            EnabledFor.GROUPS,
            List.of("staff", "contractors"),
            2,
            List.of(MethodType.SMS, MethodType.EMAIL, MethodType.TOTP, MethodType.QUESTIONS),
            4,
            3,
            false,
            90,
            false,
            true,
            true,
            "https://help.example.org/sspr",
            false,
            List.of("What was the name of your first team?", "Which city did you first work in?"));

    @Test
    void thePolicyMainStoredLoadsWithTheSameValues() {
        SsprPolicy loaded = SettingsFixtures.read(StoredPolicy.SETTING, "sspr-policy-v1-main.json")
                .policy();

        assertThat(loaded).isEqualTo(WRITTEN_BY_MAIN);
    }

    @Test
    void whatThisVersionStoresIsWhatMainStored() {
        String written = SettingsFixtures.documents().write(StoredPolicy.SETTING, StoredPolicy.of(WRITTEN_BY_MAIN));

        assertThat(written).isEqualToIgnoringWhitespace(SettingsFixtures.fixture("sspr-policy-v1-main.json"));
    }

    @Test
    void unknownFieldsAreIgnored() {
        SsprPolicy loaded = SettingsFixtures.read(StoredPolicy.SETTING, "sspr-policy-v1-unknown-field.json")
                .policy();

        assertThat(loaded).isEqualTo(WRITTEN_BY_MAIN);
    }

    @Test
    void missingFieldsTakeTheirDefaults() {
        SsprPolicy loaded = SettingsFixtures.read(StoredPolicy.SETTING, "sspr-policy-v1-removed-field.json")
                .policy();

        assertThat(loaded.reconfirmDays()).isEqualTo(180);
        assertThat(loaded.customQuestions()).isEmpty();
        assertThat(loaded.methodsRequired()).isEqualTo(2);
        assertThat(loaded.helpdeskUrl()).isEqualTo("https://help.example.org/sspr");
    }

    @Test
    void aPolicyOfANewerVersionIsRefused() {
        assertThatThrownBy(() -> SettingsFixtures.read(StoredPolicy.SETTING, "sspr-policy-v2-newer.json"))
                .isInstanceOf(SettingsDocuments.NewerSettingException.class)
                .hasMessageContaining("'sspr-policy' has schema version 2");
    }

    @Test
    void theDefaultPolicyRoundTrips() {
        String written = SettingsFixtures.documents().write(StoredPolicy.SETTING, StoredPolicy.of(SsprPolicy.DEFAULT));

        assertThat(SettingsFixtures.documents()
                        .read(StoredPolicy.SETTING, written, 1)
                        .policy())
                .isEqualTo(SsprPolicy.DEFAULT);
    }
}
