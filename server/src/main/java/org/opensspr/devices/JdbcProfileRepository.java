package org.opensspr.devices;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Configuration profiles: settings as JSON {@code [{omaUri, dataType, value}]}, groups in their own table. */
@Repository
class JdbcProfileRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    JdbcProfileRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Creates or replaces the profile of that name; true when it was created. */
    boolean save(ConfigurationProfile profile, String updatedBy, long now) {
        List<StoredSetting> stored = profile.settings().stream()
                .map(s -> new StoredSetting(s.omaUri(), s.dataType().id(), s.value()))
                .toList();
        String settings = json.writeValueAsString(stored);
        boolean created = jdbc.sql(
                                "UPDATE device_profile SET settings = :settings, updated_by = :by, updated_at = :at WHERE name = :name")
                        .param("settings", settings)
                        .param("by", updatedBy)
                        .param("at", now)
                        .param("name", profile.name())
                        .update()
                == 0;
        if (created) {
            jdbc.sql(
                            "INSERT INTO device_profile (name, settings, updated_by, updated_at) VALUES (:name, :settings, :by, :at)")
                    .param("name", profile.name())
                    .param("settings", settings)
                    .param("by", updatedBy)
                    .param("at", now)
                    .update();
        }
        jdbc.sql("DELETE FROM device_profile_group WHERE profile_name = :name")
                .param("name", profile.name())
                .update();
        for (String group : profile.groups()) {
            jdbc.sql("INSERT INTO device_profile_group (profile_name, group_name) VALUES (:name, :group)")
                    .param("name", profile.name())
                    .param("group", group)
                    .update();
        }
        return created;
    }

    List<ConfigurationProfile> all() {
        return profiles(
                "SELECT p.name, p.settings, g.group_name FROM device_profile p "
                        + "LEFT JOIN device_profile_group g ON g.profile_name = p.name ORDER BY p.name, g.group_name",
                Map.of());
    }

    /** The profiles assigned to any of {@code groups}. */
    List<ConfigurationProfile> forGroups(List<String> groups) {
        return profiles(
                "SELECT p.name, p.settings, g.group_name FROM device_profile p "
                        + "JOIN device_profile_group g ON g.profile_name = p.name WHERE p.name IN "
                        + "(SELECT profile_name FROM device_profile_group WHERE group_name IN (:groups)) ORDER BY p.name, g.group_name",
                Map.of("groups", groups));
    }

    boolean delete(String name) {
        return jdbc.sql("DELETE FROM device_profile WHERE name = :name")
                        .param("name", name)
                        .update()
                == 1;
    }

    private List<ConfigurationProfile> profiles(String sql, Map<String, ?> params) {
        Map<String, String> settings = new LinkedHashMap<>();
        Map<String, List<String>> groups = new LinkedHashMap<>();
        jdbc.sql(sql).params(params).query(rs -> {
            String name = rs.getString("name");
            settings.put(name, rs.getString("settings"));
            List<String> of = groups.computeIfAbsent(name, k -> new ArrayList<>());
            String group = rs.getString("group_name");
            if (group != null) {
                of.add(group);
            }
        });
        List<ConfigurationProfile> profiles = new ArrayList<>();
        settings.forEach((name, text) -> profiles.add(new ConfigurationProfile(
                name,
                json.readValue(text, new TypeReference<List<StoredSetting>>() {}).stream()
                        .map(s -> Setting.of(s.omaUri(), s.dataType(), s.value()))
                        .toList(),
                groups.get(name))));
        return profiles;
    }

    record StoredSetting(String omaUri, String dataType, Object value) {}
}
