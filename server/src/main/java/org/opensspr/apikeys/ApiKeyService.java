package org.opensspr.apikeys;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.opensspr.audit.Activity;
import org.opensspr.audit.AuditEvent;
import org.opensspr.audit.AuditLog;
import org.opensspr.audit.AuditResult;
import org.opensspr.audit.Caller;
import org.opensspr.secrets.Digests;
import org.opensspr.system.InvalidInput;
import org.opensspr.system.ProblemCode;
import org.opensspr.system.Problems;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Issues, checks and revokes API keys. A key is {@code sspr_} + 256 random bits; it is shown
 * once when issued and stored only as its SHA-256, so a database reader cannot use it.
 */
@Service
public class ApiKeyService {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    static final String PREFIX = "sspr_";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    ApiKeyService(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Issues a key named {@code name}; the returned key is never shown again. */
    public String issue(String name, Caller admin) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInput(ProblemCode.API_KEY_NAME_INVALID);
        }
        String key = PREFIX + Digests.newToken();
        try {
            jdbc.sql("INSERT INTO api_key (name, key_hash, created_by, created_at) VALUES (:name, :hash, :by, :at)")
                    .param("name", name)
                    .param("hash", Digests.sha256(key))
                    .param("by", admin.actor())
                    .param("at", clock.millis())
                    .update();
        } catch (DuplicateKeyException e) {
            throw Problems.of(ProblemCode.API_KEY_EXISTS, name);
        }
        audit.record(AuditEvent.of(clock.instant(), Activity.CREATE_API_KEY, AuditResult.Success, admin, name, ""));
        return key;
    }

    public void revoke(String name, Caller admin) {
        if (jdbc.sql("DELETE FROM api_key WHERE name = :name")
                        .param("name", name)
                        .update()
                == 0) {
            throw Problems.of(ProblemCode.API_KEY_NOT_FOUND, name);
        }
        audit.record(AuditEvent.of(clock.instant(), Activity.DELETE_API_KEY, AuditResult.Success, admin, name, ""));
    }

    /** The name of the key, if {@code key} is a valid one. */
    public Optional<String> nameOf(String key) {
        if (key == null || !key.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT name FROM api_key WHERE key_hash = :hash")
                .param("hash", Digests.sha256(key))
                .query(String.class)
                .optional();
    }

    /** Every key's name, who issued it and when, by name; never the key. */
    public List<KeySummary> list() {
        return jdbc.sql("SELECT name, created_by, created_at FROM api_key ORDER BY name")
                .query((rs, row) -> new KeySummary(
                        rs.getString("name"),
                        rs.getString("created_by"),
                        Instant.ofEpochMilli(rs.getLong("created_at"))))
                .list();
    }

    /** A key as an admin sees it after it was issued. */
    public record KeySummary(String name, String createdBy, Instant createdAt) {}

    public List<String> names() {
        return jdbc.sql("SELECT name FROM api_key ORDER BY name")
                .query(String.class)
                .list();
    }
}
