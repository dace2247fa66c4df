package org.opensspr.devices;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Joined devices, their groups and the verdict on their last inventory (findings as JSON). */
@Repository
class JdbcDeviceRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    JdbcDeviceRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(String id, String secretHash, String name, String os, String osVersion, long joinedAt) {
        jdbc.sql("""
                INSERT INTO device (id, secret_hash, name, os, os_version, enabled, joined_at, last_seen)
                VALUES (:id, :secret, :name, :os, :osVersion, TRUE, :at, :at)""")
                .param("id", id)
                .param("secret", secretHash)
                .param("name", name)
                .param("os", os)
                .param("osVersion", osVersion)
                .param("at", joinedAt)
                .update();
    }

    /** The SHA-256 of the secret of an enabled device; empty for an unknown, deleted or disabled one. */
    Optional<DeviceIdentityWithSecret> enabled(String id) {
        return jdbc.sql("SELECT id, name, secret_hash FROM device WHERE id = :id AND enabled = TRUE")
                .param("id", id)
                .query((rs, n) -> new DeviceIdentityWithSecret(
                        new DeviceIdentity(rs.getString("id"), rs.getString("name")), rs.getString("secret_hash")))
                .optional();
    }

    boolean setEnabled(String id, boolean enabled) {
        return jdbc.sql("UPDATE device SET enabled = :enabled WHERE id = :id")
                        .param("enabled", enabled)
                        .param("id", id)
                        .update()
                == 1;
    }

    boolean delete(String id) {
        return jdbc.sql("DELETE FROM device WHERE id = :id").param("id", id).update() == 1;
    }

    boolean exists(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM device WHERE id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single()
                == 1;
    }

    void setGroups(String id, List<String> groups) {
        jdbc.sql("DELETE FROM device_group WHERE device_id = :id")
                .param("id", id)
                .update();
        for (String group : groups) {
            jdbc.sql("INSERT INTO device_group (device_id, group_name) VALUES (:id, :group)")
                    .param("id", id)
                    .param("group", group)
                    .update();
        }
    }

    /** The device's groups, without the implicit {@code all}. */
    List<String> groups(String id) {
        return jdbc.sql("SELECT group_name FROM device_group WHERE device_id = :id ORDER BY group_name")
                .param("id", id)
                .query(String.class)
                .list();
    }

    /**
     * Keeps the verdict; writes only when something changed or the last write is older than
     * {@code staleBefore}, so a fleet that checks in unchanged costs reads, not commits.
     */
    void saveVerdict(
            String id,
            Integer osBuild,
            String edition,
            boolean ready,
            List<ReadinessFinding> findings,
            long now,
            long staleBefore) {
        jdbc.sql("""
                UPDATE device SET os_build = :build, edition = :edition, ready = :ready, findings = :findings,
                    last_seen = :now
                WHERE id = :id AND (last_seen < :stale OR os_build IS DISTINCT FROM :build
                    OR edition IS DISTINCT FROM :edition OR ready IS DISTINCT FROM :ready
                    OR findings IS DISTINCT FROM :findings)""")
                .param("build", osBuild, Types.INTEGER)
                .param("edition", edition, Types.VARCHAR)
                .param("ready", ready)
                .param("findings", json.writeValueAsString(findings))
                .param("now", now)
                .param("stale", staleBefore)
                .param("id", id)
                .update();
    }

    /** Marks the device seen at {@code now} unless it was marked after {@code staleBefore}. */
    void seen(String id, long now, long staleBefore) {
        jdbc.sql("UPDATE device SET last_seen = :now WHERE id = :id AND last_seen < :stale")
                .param("now", now)
                .param("stale", staleBefore)
                .param("id", id)
                .update();
    }

    List<DeviceSummary> list() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        jdbc.sql("SELECT device_id, group_name FROM device_group ORDER BY group_name")
                .query(rs -> {
                    groups.computeIfAbsent(rs.getString("device_id"), k -> new ArrayList<>())
                            .add(rs.getString("group_name"));
                });
        return jdbc.sql("SELECT * FROM device ORDER BY name, id")
                .query((rs, n) -> summary(rs, groups))
                .list();
    }

    private DeviceSummary summary(ResultSet rs, Map<String, List<String>> groups) throws SQLException {
        String findings = rs.getString("findings");
        int build = rs.getInt("os_build");
        Integer osBuild = rs.wasNull() ? null : build;
        boolean ready = rs.getBoolean("ready");
        Boolean verdict = rs.wasNull() ? null : ready;
        return new DeviceSummary(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("os"),
                rs.getString("os_version"),
                osBuild,
                rs.getString("edition"),
                rs.getBoolean("enabled"),
                Instant.ofEpochMilli(rs.getLong("joined_at")),
                Instant.ofEpochMilli(rs.getLong("last_seen")),
                groups.getOrDefault(rs.getString("id"), List.of()),
                verdict,
                findings == null
                        ? List.of()
                        : json.readValue(findings, new TypeReference<List<ReadinessFinding>>() {}));
    }

    /** An enabled device and the SHA-256 of its secret. */
    record DeviceIdentityWithSecret(DeviceIdentity device, String secretHash) {}
}
