package org.opensspr.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensspr.system.StoredSetting.Upgrade;

class SettingsDocumentsTests {

    record Colours(String primary, String accent) {}

    record Sample(String title, Integer size, Colours colours, List<Colours> history) {
        Sample {
            size = size == null ? 10 : size;
        }
    }

    private final SettingsDocuments documents = SettingsFixtures.documents();

    private final StoredSetting<Sample> v1 = StoredSetting.of("sample", Sample.class);

    /** Version 1 called the title "name" and had a "legacy" flag; version 2 counted size in tens. */
    private final StoredSetting<Sample> v4 = StoredSetting.of(
            "sample",
            Sample.class,
            Upgrade.rename("name", "title"),
            Upgrade.remove("legacy"),
            new Upgrade("size counts units, not tens", document -> {
                if (document.has("size")) {
                    document.put("size", document.get("size").asInt() * 10);
                }
                return document;
            }));

    @Test
    void theVersionIsOneMoreThanTheSteps() {
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v4.version()).isEqualTo(4);
    }

    @Test
    void aDocumentWithoutVersionIsVersionOneAndGoesThroughEveryStep() {
        Sample sample = documents.read(v4, "{\"name\":\"Acme\",\"legacy\":true,\"size\":3}", null);

        assertThat(sample).isEqualTo(new Sample("Acme", 30, null, null));
    }

    @Test
    void aDocumentGoesThroughTheStepsAfterItsVersionOnly() {
        assertThat(documents.read(v4, "{\"title\":\"Acme\",\"size\":3}", 3))
                .isEqualTo(new Sample("Acme", 30, null, null));
        assertThat(documents.read(v4, "{\"title\":\"Acme\",\"size\":3}", 4))
                .isEqualTo(new Sample("Acme", 3, null, null));
    }

    @Test
    void aRenameKeepsTheNewFieldWhenBothArePresent() {
        assertThat(documents.read(v4, "{\"name\":\"old\",\"title\":\"new\"}", 1).title())
                .isEqualTo("new");
    }

    @Test
    void unknownFieldsAreIgnoredAtAnyDepth() {
        Sample sample = documents.read(
                v1,
                "{\"title\":\"Acme\",\"font\":\"Arial\",\"colours\":{\"primary\":\"#000000\",\"shade\":1},"
                        + "\"history\":[{\"accent\":\"#111111\",\"when\":2}]}",
                1);

        assertThat(sample)
                .isEqualTo(new Sample("Acme", 10, new Colours("#000000", null), List.of(new Colours(null, "#111111"))));
    }

    @Test
    void missingFieldsTakeTheRecordsDefaults() {
        assertThat(documents.read(v1, "{}", 1)).isEqualTo(new Sample(null, 10, null, null));
    }

    @Test
    void aNewerDocumentIsRefused() {
        assertThatThrownBy(() -> documents.read(v4, "{\"title\":\"Acme\"}", 5))
                .isInstanceOf(SettingsDocuments.NewerSettingException.class)
                .hasMessageContaining("'sample' has schema version 5, newer than this version of OpenSSPR reads (4)");
    }

    @Test
    void aDocumentThatIsNoObjectIsRefused() {
        assertThatThrownBy(() -> documents.read(v1, "[1]", 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'sample' is no JSON object");
    }

    @Test
    void aValueIsWrittenAsItsRecord() {
        assertThat(documents.write(v1, new Sample("Acme", 3, null, null))).contains("\"title\":\"Acme\"", "\"size\":3");
    }
}
