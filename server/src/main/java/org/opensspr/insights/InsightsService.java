package org.opensspr.insights;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.opensspr.audit.Activity;
import org.opensspr.audit.ClientType;
import org.opensspr.policy.EnabledFor;
import org.opensspr.policy.MethodType;
import org.opensspr.policy.PolicyService;
import org.opensspr.policy.Requirements;
import org.opensspr.policy.SsprPolicy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Usage and insights for the admin API and the admin console: what {@link Insights} holds, for a
 * range of at most a year. Every figure is one SQL aggregation; nothing reads the directory, so an
 * answer costs the same for ten users as for a hundred thousand (and says, in {@link
 * Insights.Coverage#basis()}, what it could not count for that reason). Read only: nothing is
 * audited.
 */
@Service
public class InsightsService {

    /** How many failure reasons an answer lists. */
    public static final int TOP_REASONS = 20;
    /** How many blocked logins an answer lists. */
    public static final int TOP_BLOCKED = 10;

    // The reset flow's and registration's details (ResetFlowService, RegistrationService) around a method id.
    static final String VERIFIED_PREFIX = "User completed the ";
    static final String VERIFIED_SUFFIX = " verification option";
    static final String REGISTERED_PREFIX = "User registered ";

    private final JdbcInsightsRepository repository;
    private final PolicyService policies;
    private final Clock clock;

    InsightsService(JdbcInsightsRepository repository, PolicyService policies, Clock clock) {
        this.repository = repository;
        this.policies = policies;
        this.clock = clock;
    }

    /**
     * The range of a request: ISO instants or UTC dates, defaults and limits as {@link
     * InsightsRange#parse} says.
     *
     * @throws org.opensspr.system.InvalidInput {@code 400} for a bound that is no date or time, or a
     *     range that is empty, reversed or longer than 366 days
     */
    public InsightsRange range(String from, String to) {
        return InsightsRange.parse(from, to, clock);
    }

    /** Everything for {@code range}, coverage as it is now. */
    @Transactional(readOnly = true)
    public Insights insights(InsightsRange range) {
        List<String> methods =
                Arrays.stream(MethodType.values()).map(MethodType::id).toList();
        List<String> clientTypes =
                Arrays.stream(ClientType.values()).map(ClientType::name).toList();
        var days = range.days();
        return new Insights(
                range.from(),
                range.to(),
                coverage(),
                DailyCounts.bucket(
                        days,
                        clientTypes,
                        repository.successesByClientType(Activity.RESET_PASSWORD, range.from(), range.to())),
                DailyCounts.bucket(
                        days, clientTypes, repository.successesByClientType(Activity.UNLOCK, range.from(), range.to())),
                DailyCounts.bucket(
                        days,
                        methods,
                        repository.successesByDetail(
                                Activity.FLOW_PROGRESS, VERIFIED_PREFIX, VERIFIED_SUFFIX, range.from(), range.to())),
                DailyCounts.bucket(
                        days,
                        methods,
                        repository.successesByDetail(
                                Activity.REGISTERED_SECURITY_INFO, REGISTERED_PREFIX, "", range.from(), range.to())),
                repository.failures(range.from(), range.to(), TOP_REASONS),
                repository.topBlocked(range.from(), range.to(), TOP_BLOCKED));
    }

    /** Registration coverage now ({@link Insights.Coverage} says what it counts and what it cannot). */
    @Transactional(readOnly = true)
    public Insights.Coverage coverage() {
        SsprPolicy policy = policies.current();
        Requirements ordinary = policies.ordinaryRequirements(policy);
        Map<String, Long> byType = repository.usersByMethod();
        List<Insights.MethodUsers> byMethod = new ArrayList<>();
        for (MethodType type : MethodType.values()) {
            byMethod.add(new Insights.MethodUsers(type, byType.getOrDefault(type.id(), 0L)));
        }
        Map<Integer, Long> byCount = repository.usersByCountedMethods(
                ordinary.allowed().stream().map(MethodType::id).toList());
        long withInfo = 0;
        long able = 0;
        for (Map.Entry<Integer, Long> e : byCount.entrySet()) {
            withInfo += e.getValue();
            if (e.getKey() >= ordinary.required()) {
                able += e.getValue();
            }
        }
        boolean nobody = policy.enabledFor() == EnabledFor.NONE;
        return new Insights.Coverage(
                Insights.Coverage.ON_FILE,
                policy.enabledFor(),
                ordinary.required(),
                ordinary.allowed(),
                policy.useDirectoryContacts(),
                byMethod,
                withInfo,
                nobody ? 0 : able,
                nobody ? 0 : withInfo - able);
    }
}
