package org.opensspr.branding;

import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one logo, in {@code branding_logo} (its bytes: at most 100 KB, too large for a settings document). */
@Repository
class JdbcLogoRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcLogoRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Logo> find() {
        return jdbc.sql("SELECT content_type, content, sha256 FROM branding_logo WHERE singleton = 1")
                .query((row, n) -> new Logo(row.getString(1), row.getBytes(2), row.getString(3)))
                .optional();
    }

    /** The logo's version (its SHA-256) without its bytes, for the portal's links; empty when there is none. */
    Optional<String> version() {
        return jdbc.sql("SELECT sha256 FROM branding_logo WHERE singleton = 1")
                .query(String.class)
                .optional();
    }

    void save(Logo logo) {
        int updated = jdbc.sql("UPDATE branding_logo SET content_type = :type, content = :content, sha256 = :sha,"
                        + " updated_at = :at WHERE singleton = 1")
                .param("type", logo.contentType())
                .param("content", logo.content())
                .param("sha", logo.sha256())
                .param("at", clock.millis())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO branding_logo (singleton, content_type, content, sha256, updated_at)"
                            + " VALUES (1, :type, :content, :sha, :at)")
                    .param("type", logo.contentType())
                    .param("content", logo.content())
                    .param("sha", logo.sha256())
                    .param("at", clock.millis())
                    .update();
        }
    }

    /** Whether there was a logo to delete. */
    boolean delete() {
        return jdbc.sql("DELETE FROM branding_logo WHERE singleton = 1").update() > 0;
    }
}
