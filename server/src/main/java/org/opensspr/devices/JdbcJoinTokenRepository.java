package org.opensspr.devices;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Join tokens by SHA-256. A use is spent by one conditional update, so two joins can never share the
 * last use. A revoked token has {@code uses_left = -1}: no spend can take it below that or back above.
 * The admin names a token by the first 16 hex digits of its hash ({@link #ID_HEX_DIGITS}).
 */
@Repository
class JdbcJoinTokenRepository {

    /** How many hex digits of the hash a token's id shows. */
    static final int ID_HEX_DIGITS = 16;

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
                .map(JdbcJoinTokenRepository::splitGroups);
    }

    /** Tokens that expired after {@code listedFrom}, newest first. */
    List<StoredToken> list(long listedFrom, int offset, int limit) {
        return jdbc.sql("SELECT * FROM join_token WHERE expires_at > :from ORDER BY created_at DESC, token_hash"
                        + " OFFSET " + offset + " ROWS FETCH NEXT " + limit + " ROWS ONLY")
                .param("from", listedFrom)
                .query((rs, n) -> new StoredToken(
                        rs.getString("token_hash").trim(),
                        rs.getInt("uses_left"),
                        splitGroups(rs.getString("device_groups")),
                        rs.getString("created_by"),
                        rs.getLong("created_at"),
                        rs.getLong("expires_at")))
                .list();
    }

    int count(long listedFrom) {
        return jdbc.sql("SELECT COUNT(*) FROM join_token WHERE expires_at > :from")
                .param("from", listedFrom)
                .query(Integer.class)
                .single();
    }

    /**
     * Revokes the token whose hash starts with {@code hashPrefix} (16 lower-case hex digits, checked by
     * the caller) unless it is revoked already; returns how many uses it had left, empty when there was
     * no such token not yet revoked.
     */
    Optional<Integer> revoke(String hashPrefix) {
        Optional<Integer> left = jdbc.sql(
                        "SELECT uses_left FROM join_token WHERE token_hash LIKE :prefix AND uses_left >= 0")
                .param("prefix", hashPrefix + "%")
                .query(Integer.class)
                .optional();
        if (left.isEmpty()) {
            return left;
        }
        int revoked = jdbc.sql("UPDATE join_token SET uses_left = -1 WHERE token_hash LIKE :prefix AND uses_left >= 0")
                .param("prefix", hashPrefix + "%")
                .update();
        return revoked == 0 ? Optional.empty() : left;
    }

    boolean exists(String hashPrefix) {
        return jdbc.sql("SELECT COUNT(*) FROM join_token WHERE token_hash LIKE :prefix")
                        .param("prefix", hashPrefix + "%")
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Forgets tokens that expired before {@code expiredBefore} (spent and revoked ones stay listed until then). */
    void purge(long expiredBefore) {
        jdbc.sql("DELETE FROM join_token WHERE expires_at <= :before")
                .param("before", expiredBefore)
                .update();
    }

    private static List<String> splitGroups(String groups) {
        return groups.isEmpty() ? List.of() : Arrays.asList(groups.split(","));
    }

    /** A row of {@code join_token}; times in epoch milliseconds. */
    record StoredToken(
            String hash, int usesLeft, List<String> groups, String createdBy, long createdAt, long expiresAt) {}
}
