package org.opensspr.system;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/**
 * Admin settings (the SSPR policy, the password policy, the branding) as named, versioned JSON documents
 * in {@code settings} ({@code json} and {@code schema_version}), so that a new field needs no migration
 * and a document written by another version still loads ({@link SettingsDocuments}). Each setting is a
 * {@link StoredSetting}, its own record, never the API body. The features register theirs when they are
 * made; once every bean is made, each registered setting is read once, and a document that is newer than
 * this code or cannot be read refuses the start ({@link StartRefusedException}) rather than letting the
 * server run on defaults in its place.
 */
@Repository
public class JdbcSettings implements SmartInitializingSingleton {

    private final JdbcClient jdbc;
    private final SettingsDocuments documents;
    private final Clock clock;
    private final List<StoredSetting<?>> registered = new CopyOnWriteArrayList<>();

    JdbcSettings(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.documents = new SettingsDocuments(json);
        this.clock = clock;
    }

    /** Has {@code setting} checked at start-up (see the class comment); returns it. */
    public <T> StoredSetting<T> register(StoredSetting<T> setting) {
        registered.add(setting);
        return setting;
    }

    /**
     * The stored value, empty when none was ever stored.
     *
     * @throws SettingsDocuments.NewerSettingException when another node of a newer version wrote it
     * @throws IllegalStateException when the document cannot be read
     */
    public <T> Optional<T> load(StoredSetting<T> setting) {
        return jdbc.sql("SELECT json, schema_version FROM settings WHERE name = :name")
                .param("name", setting.name())
                .query((row, n) -> new Row(row.getString(1), (Integer) row.getObject(2, Integer.class)))
                .optional()
                .map(row -> documents.read(setting, row.json(), row.version()));
    }

    public <T> void save(StoredSetting<T> setting, T value) {
        String text = documents.write(setting, value);
        int updated = jdbc.sql(
                        "UPDATE settings SET json = :json, schema_version = :version, updated_at = :at WHERE name = :name")
                .param("json", text)
                .param("version", setting.version())
                .param("at", clock.millis())
                .param("name", setting.name())
                .update();
        if (updated == 0) {
            jdbc.sql(
                            "INSERT INTO settings (name, json, schema_version, updated_at) VALUES (:name, :json, :version, :at)")
                    .param("name", setting.name())
                    .param("json", text)
                    .param("version", setting.version())
                    .param("at", clock.millis())
                    .update();
        }
    }

    /** Reads every registered setting once; see the class comment. */
    @Override
    public void afterSingletonsInstantiated() {
        for (StoredSetting<?> setting : registered) {
            check(setting);
        }
    }

    void check(StoredSetting<?> setting) {
        try {
            load(setting);
        } catch (SettingsDocuments.NewerSettingException e) {
            throw new StartRefusedException(
                    e.getMessage(),
                    "A newer version of OpenSSPR wrote it; run that version (or a newer one), or restore the"
                            + " database from a backup made by this version. Starting would ignore the stored setting.");
        } catch (IllegalStateException e) {
            throw new StartRefusedException(
                    e.getMessage(),
                    "Correct the row '" + setting.name() + "' of the settings table, or restore the database from"
                            + " a backup; docs/architecture.md (5.11) says how settings are stored.");
        }
    }

    private record Row(String json, Integer version) {}
}
