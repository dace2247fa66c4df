package org.opensspr.devices;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Join tokens by SHA-256. A use is spent by one conditional update, so two joins can never share the last use. */
@Repository
class JdbcJoinTokenRepository {

    private final JdbcClient jdbc;

    JdbcJoinTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String tokenHash, int uses, List<String> groups, String createdBy, long createdAt, long expiresAt) {
        jdbc.sql("""
                INSERT INTO join_token (token_hash, uses_left, device_groups, created_by, created_at, expires_at)
                VALUES (:hash, :uses, :groups, :by, :at, :expires)""")
                .param("hash", tokenHash)
                .param("uses", uses)
                .param("groups", String.join(",", groups))
                .param("by", createdBy)
                .param("at", createdAt)
                .param("expires", expiresAt)
                .update();
    }

    /** Spends one use of the token if it is unexpired and has one left; true when it did. */
    boolean spend(String tokenHash, long now) {
        return jdbc.sql(
                                "UPDATE join_token SET uses_left = uses_left - 1 WHERE token_hash = :hash AND uses_left > 0 AND expires_at > :now")
                        .param("hash", tokenHash)
                        .param("now", now)
                        .update()
                == 1;
    }

    Optional<List<String>> groups(String tokenHash) {
        return jdbc.sql("SELECT device_groups FROM join_token WHERE token_hash = :hash")
                .param("hash", tokenHash)
                .query(String.class)
                .optional()
                .map(groups -> groups.isEmpty() ? List.of() : Arrays.asList(groups.split(",")));
    }

    /** Forgets tokens that are spent or expired. */
    void purge(long now) {
        jdbc.sql("DELETE FROM join_token WHERE uses_left <= 0 OR expires_at <= :now")
                .param("now", now)
                .update();
    }
}
