package org.opensspr.devices;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A named set of OMA-URI settings, assigned to device groups. Valid once constructed: a name
 * like a group name, at most 200 settings with no URI twice, at most 50 groups.
 */
public record ConfigurationProfile(String name, List<Setting> settings, List<String> groups) {

    public ConfigurationProfile {
        name = DeviceGroups.check(name, "name");
        settings = List.copyOf(Objects.requireNonNull(settings, "settings cannot be null"));
        groups = DeviceGroups.checkAll(groups);
        if (settings.size() > 200) {
            throw new IllegalArgumentException("A profile holds at most 200 settings");
        }
        Set<String> seen = new HashSet<>();
        for (Setting setting : settings) {
            if (!seen.add(setting.key())) {
                throw new IllegalArgumentException("The profile sets " + setting.omaUri() + " twice");
            }
        }
    }
}
