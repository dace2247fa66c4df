package org.opensspr.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensspr.ServerIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** Settings rows that main stored before versioning load through the API unchanged; a newer row refuses the start. */
class StoredSettingsIntegrationTests extends ServerIntegrationTest {

    @Autowired
    JdbcSettings settings;

    private void storeAsMainDid(String name, String file) {
        jdbc.sql("INSERT INTO settings (name, json, updated_at) VALUES (:name, :json, 0)")
                .param("name", name)
                .param("json", SettingsFixtures.fixture(file).strip())
                .update();
    }

    @Test
    void thePoliciesMainStoredAreServedWithTheSameValues() {
        storeAsMainDid("sspr-policy", "sspr-policy-v1-main.json");
        storeAsMainDid("password-policy", "password-policy-v1-main.json");

        assertThat(admin.get("/api/v1/admin/policy").json())
                .isEqualTo(JsonMapper.shared().readTree(SettingsFixtures.fixture("sspr-policy-v1-main.json")));
        assertThat(admin.get("/api/v1/admin/password-policy").json())
                .isEqualTo(JsonMapper.shared().readTree(SettingsFixtures.fixture("password-policy-v1-main.json")));
    }

    @Test
    void aChangeStoresTheCurrentVersionAndKeepsTheOtherFields() {
        storeAsMainDid("sspr-policy", "sspr-policy-v1-unknown-field.json");

        assertThat(admin.patch("/api/v1/admin/policy", Map.of("reconfirmDays", 30))
                        .status())
                .isEqualTo(200);

        assertThat(jdbc.sql("SELECT schema_version FROM settings WHERE name = 'sspr-policy'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT json FROM settings WHERE name = 'sspr-policy'")
                        .query(String.class)
                        .single())
                .contains("\"reconfirmDays\":30", "\"methodsRequired\":2")
                .doesNotContain("voiceCallsAllowed");
    }

    @Test
    void aSettingOfANewerVersionRefusesTheStart() {
        storeAsMainDid("sspr-policy", "sspr-policy-v2-newer.json");
        jdbc.sql("UPDATE settings SET schema_version = 2 WHERE name = 'sspr-policy'")
                .update();

        assertThatThrownBy(settings::afterSingletonsInstantiated)
                .isInstanceOf(StartRefusedException.class)
                .hasMessageContaining(
                        "Refusing to start: the stored setting 'sspr-policy' has schema version 2, newer than this"
                                + " version of OpenSSPR reads (1)")
                .hasMessageContaining("run that version (or a newer one)");
    }
}
