package org.opensspr.policy;

import java.time.Clock;
import java.util.Set;

import org.opensspr.audit.Activity;
import org.opensspr.audit.AuditEvent;
import org.opensspr.audit.AuditLog;
import org.opensspr.audit.AuditResult;
import org.opensspr.audit.ClientType;
import org.opensspr.directory.Directory;
import org.opensspr.directory.DirectoryUser;
import org.springframework.stereotype.Service;

/** Reads and changes the SSPR policy and answers whether it applies to a user. */
@Service
public class PolicyService {

    private final JdbcPolicyRepository repository;
    private final Directory directory;
    private final AuditLog audit;
    private final Clock clock;

    PolicyService(JdbcPolicyRepository repository, Directory directory, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    public SsprPolicy current() {
        return repository.load().orElse(SsprPolicy.DEFAULT);
    }

    public SsprPolicy update(SsprPolicy policy, String admin, String ip, ClientType clientType) {
        repository.save(policy);
        audit.record(new AuditEvent(clock.instant(), Activity.UPDATE_POLICY, AuditResult.Success, admin, "SSPR policy",
                ip, clientType, "enabledFor=" + policy.enabledFor().id() + " methodsRequired=" + policy.methodsRequired()
                        + " methods=" + policy.methods()));
        return policy;
    }

    /** Whether the policy lets this user reset at all (before looking at their methods). */
    public boolean appliesTo(SsprPolicy policy, DirectoryUser user) {
        return switch (policy.enabledFor()) {
            case NONE -> false;
            case ALL -> true;
            case GROUPS -> {
                Set<String> groups = directory.groupsOf(user);
                yield policy.groups().stream().anyMatch(groups::contains);
            }
        };
    }
}
