package org.opensspr.policy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.opensspr.audit.Activity;
import org.opensspr.audit.AuditEvent;
import org.opensspr.audit.AuditLog;
import org.opensspr.audit.AuditResult;
import org.opensspr.audit.ClientType;
import org.opensspr.directory.Directory;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.system.JdbcSettings;
import org.opensspr.system.SettingsChanges;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** Reads and changes the SSPR policy and answers whether it applies to a user. */
@Service
public class PolicyService {

    private final JdbcSettings settings;
    private final SettingsChanges changes;
    private final Directory directory;
    private final AuditLog audit;
    private final Clock clock;
    private final String adminGroup;

    PolicyService(
            JdbcSettings settings,
            SettingsChanges changes,
            Directory directory,
            AuditLog audit,
            Clock clock,
            @Value("${sspr.admin-group:sspr-admins}") String adminGroup) {
        this.settings = settings;
        settings.register(StoredPolicy.SETTING);
        this.changes = changes;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
        this.adminGroup = adminGroup;
    }

    public SsprPolicy current() {
        return settings.load(StoredPolicy.SETTING).map(StoredPolicy::policy).orElse(SsprPolicy.DEFAULT);
    }

    /**
     * Stores {@code policy} in place of the current one and audits {@link Activity#UPDATE_POLICY} with
     * each changed field's old and new value ({@link SettingsChanges}; empty details when nothing
     * changed). The policy holds no secret; the custom questions are logged in full, as admins wrote them.
     */
    public SsprPolicy update(SsprPolicy policy, String admin, String ip, ClientType clientType) {
        SsprPolicy before = current();
        settings.save(StoredPolicy.SETTING, StoredPolicy.of(policy));
        audit.record(new AuditEvent(
                clock.instant(),
                Activity.UPDATE_POLICY,
                AuditResult.Success,
                admin,
                "SSPR policy",
                ip,
                clientType,
                changes.between(before, policy, Set.of())));
        return policy;
    }

    /**
     * Whether the policy lets this user reset at all, and what they must pass: one read of their
     * groups (nested membership is several directory searches) serves both answers.
     */
    public Eligibility eligibility(SsprPolicy policy, DirectoryUser user) {
        Set<String> groups = directory.groupsOf(user);
        boolean inScope = switch (policy.enabledFor()) {
            case NONE -> false;
            case ALL -> true;
            case GROUPS -> policy.groups().stream().anyMatch(groups::contains);
        };
        boolean admin = groups.contains(adminGroup);
        return new Eligibility(inScope, admin, requirements(policy, admin));
    }

    /** Whether the policy's scope includes the user, whether they are an admin, and what they must pass. */
    public record Eligibility(boolean inScope, boolean admin, Requirements requirements) {}

    /**
     * What this user must pass. Members of the admin group always need two methods and never
     * security questions, whatever the policy says (as in Azure). Security questions never
     * count alone (OWASP ASVS 5.0): with one method required they are not offered at all.
     */
    public Requirements requirementsFor(SsprPolicy policy, DirectoryUser user) {
        return requirements(policy, isAdmin(user));
    }

    /**
     * What a user in scope who is not an admin must pass. A decoy flow asks exactly this, whoever
     * the login is, so that {@code required} does not tell an admin or an account out of scope.
     */
    public Requirements ordinaryRequirements(SsprPolicy policy) {
        return requirements(policy, false);
    }

    /** Whether the user is a member of the admin group ({@code sspr.admin-group}). */
    public boolean isAdmin(DirectoryUser user) {
        return directory.groupsOf(user).contains(adminGroup);
    }

    /** The members of the admin group, for the notice sent when one of them resets. */
    public List<DirectoryUser> admins() {
        return directory.membersOf(adminGroup);
    }

    static Requirements requirements(SsprPolicy policy, boolean admin) {
        int required = admin ? 2 : policy.methodsRequired();
        List<MethodType> allowed = new ArrayList<>(policy.methods());
        if (admin) {
            allowed.remove(MethodType.QUESTIONS);
            for (MethodType type : List.of(MethodType.EMAIL, MethodType.SMS, MethodType.TOTP)) {
                if (!allowed.contains(type)) {
                    allowed.add(type);
                }
            }
        }
        if (required == 1) {
            allowed.remove(MethodType.QUESTIONS);
        }
        return new Requirements(required, allowed.stream().sorted().toList());
    }
}
