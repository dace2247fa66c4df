package org.opensspr.devices;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.opensspr.audit.Activity;
import org.opensspr.audit.AuditEvent;
import org.opensspr.audit.AuditLog;
import org.opensspr.audit.AuditResult;
import org.opensspr.audit.Caller;
import org.opensspr.system.ProblemCode;
import org.opensspr.system.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Configuration profiles and the effective configuration of a device: the merge
 * ({@link EffectiveConfiguration#merge}) of the profiles assigned to its groups, the implicit
 * group {@code all} included.
 */
@Service
public class ProfileService {

    private final JdbcProfileRepository profiles;
    private final AuditLog audit;
    private final Clock clock;

    ProfileService(JdbcProfileRepository profiles, AuditLog audit, Clock clock) {
        this.profiles = profiles;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates or replaces the profile of that name (audited as "Update device configuration profile"); true when created. */
    @Transactional
    public boolean save(ConfigurationProfile profile, Caller admin) {
        boolean created = profiles.save(profile, admin.actor(), clock.millis());
        audit.record(AuditEvent.of(
                clock.instant(),
                Activity.UPDATE_DEVICE_PROFILE,
                AuditResult.Success,
                admin,
                profile.name(),
                (created ? "Created" : "Replaced") + " with "
                        + profile.settings().size() + " settings for groups " + profile.groups()));
        return created;
    }

    @Transactional
    public void delete(String name, Caller admin) {
        if (!profiles.delete(name)) {
            throw Problems.of(ProblemCode.PROFILE_NOT_FOUND, name);
        }
        audit.record(AuditEvent.of(
                clock.instant(), Activity.UPDATE_DEVICE_PROFILE, AuditResult.Success, admin, name, "Deleted"));
    }

    public List<ConfigurationProfile> all() {
        return profiles.all();
    }

    /** The merged configuration of a device in {@code groups} (and {@code all}). */
    public EffectiveConfiguration effectiveFor(List<String> groups) {
        List<String> all = new ArrayList<>(groups);
        all.add(DeviceGroups.ALL);
        return EffectiveConfiguration.merge(profiles.forGroups(all));
    }
}
