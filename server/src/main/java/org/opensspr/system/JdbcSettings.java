package org.opensspr.system;

import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/**
 * Admin settings (the SSPR policy, the password policy) as named JSON documents in
 * {@code settings}, so that a new field needs no migration. Values are records valid once
 * constructed; a stored document that no longer passes their checks fails loudly on load.
 */
@Repository
public class JdbcSettings {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    JdbcSettings(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public <T> Optional<T> load(String name, Class<T> type) {
        return jdbc.sql("SELECT json FROM settings WHERE name = :name")
                .param("name", name)
                .query(String.class)
                .optional()
                .map(text -> json.readValue(text, type));
    }

    public void save(String name, Object value) {
        String text = json.writeValueAsString(value);
        int updated = jdbc.sql("UPDATE settings SET json = :json, updated_at = :at WHERE name = :name")
                .param("json", text)
                .param("at", clock.millis())
                .param("name", name)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO settings (name, json, updated_at) VALUES (:name, :json, :at)")
                    .param("name", name)
                    .param("json", text)
                    .param("at", clock.millis())
                    .update();
        }
    }
}
