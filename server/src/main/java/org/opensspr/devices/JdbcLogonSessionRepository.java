package org.opensspr.devices;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Logon sessions by SHA-256 of their token. A session starts one flow: {@link #claim} sets its
 * flow by a conditional update and says whether it did, so two flows can never share a session.
 */
@Repository
class JdbcLogonSessionRepository {

    private final JdbcClient jdbc;

    JdbcLogonSessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String tokenHash, String deviceId, long createdAt, long expiresAt) {
        jdbc.sql(
                        "INSERT INTO logon_session (token_hash, device_id, created_at, expires_at) VALUES (:hash, :device, :at, :expires)")
                .param("hash", tokenHash)
                .param("device", deviceId)
                .param("at", createdAt)
                .param("expires", expiresAt)
                .update();
    }

    /** The device of an unexpired session whose device is still enabled. */
    Optional<DeviceIdentity> device(String tokenHash, long now) {
        return jdbc.sql("""
                SELECT d.id, d.name FROM logon_session s JOIN device d ON d.id = s.device_id
                WHERE s.token_hash = :hash AND s.expires_at > :now AND d.enabled = TRUE""")
                .param("hash", tokenHash)
                .param("now", now)
                .query((rs, n) -> new DeviceIdentity(rs.getString("id"), rs.getString("name")))
                .optional();
    }

    /** Ties an unexpired, unused session to a flow and lets it live as long as the flow; false when it cannot. */
    boolean claim(String tokenHash, String flowIdHash, long now, long expiresAt) {
        return jdbc.sql("""
                UPDATE logon_session SET flow_id_hash = :flow, expires_at = :expires
                WHERE token_hash = :hash AND flow_id_hash IS NULL AND expires_at > :now""")
                        .param("flow", flowIdHash)
                        .param("expires", expiresAt)
                        .param("hash", tokenHash)
                        .param("now", now)
                        .update()
                == 1;
    }

    /** The id of the device whose session started a flow, while that session lives. */
    Optional<String> deviceOfFlow(String flowIdHash) {
        return jdbc.sql("SELECT device_id FROM logon_session WHERE flow_id_hash = :flow")
                .param("flow", flowIdHash)
                .query(String.class)
                .optional();
    }

    int deleteForFlow(String flowIdHash) {
        return jdbc.sql("DELETE FROM logon_session WHERE flow_id_hash = :flow")
                .param("flow", flowIdHash)
                .update();
    }

    void purge(long now) {
        jdbc.sql("DELETE FROM logon_session WHERE expires_at <= :now")
                .param("now", now)
                .update();
    }
}
