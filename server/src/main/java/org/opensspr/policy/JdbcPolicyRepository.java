package org.opensspr.policy;

import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/** The policy as one JSON document in {@code settings}, so that new fields need no migration. */
@Repository
class JdbcPolicyRepository {

    private static final String NAME = "sspr-policy";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    JdbcPolicyRepository(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    Optional<SsprPolicy> load() {
        return jdbc.sql("SELECT json FROM settings WHERE name = :name").param("name", NAME)
                .query(String.class).optional().map(text -> json.readValue(text, SsprPolicy.class));
    }

    void save(SsprPolicy policy) {
        String text = json.writeValueAsString(policy);
        int updated = jdbc.sql("UPDATE settings SET json = :json, updated_at = :at WHERE name = :name")
                .param("json", text).param("at", clock.millis()).param("name", NAME).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO settings (name, json, updated_at) VALUES (:name, :json, :at)")
                    .param("name", NAME).param("json", text).param("at", clock.millis()).update();
        }
    }
}
