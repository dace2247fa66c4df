package org.opensspr.insights;

import java.time.Instant;
import java.util.List;
import org.opensspr.policy.EnabledFor;
import org.opensspr.policy.MethodType;

/**
 * The answer of {@code GET /api/v1/admin/insights}: the range asked for, registration coverage as it
 * is now, the day-by-day activity in the range, failures by reason and the most blocked logins. What
 * each figure counts is in docs/operations.md ("Insights").
 *
 * @param resetsByClientType successful password resets ({@code Reset password (self-service)}, Success) per day
 * @param unlocksByClientType successful unlocks ({@code Unlock user account (self-service)}, Success) per day
 * @param verificationsByMethod verification options users completed in reset flows, per day and method; a
 *     reset needs as many of them as the policy requires, so this is how methods are used to reset
 * @param registrationsByMethod methods users registered themselves, per day
 * @param failures the most frequent reasons reset steps did not succeed (at most {@value InsightsService#TOP_REASONS})
 * @param topBlocked the logins with the most blocked events (at most {@value InsightsService#TOP_BLOCKED})
 */
public record Insights(
        Instant from,
        Instant to,
        Coverage coverage,
        DailyCounts resetsByClientType,
        DailyCounts unlocksByClientType,
        DailyCounts verificationsByMethod,
        DailyCounts registrationsByMethod,
        List<FailureReason> failures,
        List<BlockedLogin> topBlocked) {

    public Insights {
        failures = List.copyOf(failures);
        topBlocked = List.copyOf(topBlocked);
    }

    /**
     * Registration coverage now, whatever the range. {@code basis} names what was counted:
     * {@value #ON_FILE}, the logins with security info in OpenSSPR's database (methods they
     * registered and contact info an admin pre-filled, counted as the reset flow counts them). The
     * directory cannot list the users in the policy's scope without a search of every entry (and
     * nested group membership per user), so users with nothing on file are not counted, and neither
     * are the directory's own {@code mail} and {@code mobile}, which count at a reset while {@code
     * directoryContactsCount} is true. Scope by group and an admin's stricter requirements are not
     * applied: {@code methodsRequired} and {@code methodsCounted} are what an ordinary user in scope
     * must pass.
     *
     * @param usersByMethod logins with each method on file, for every method type (zero included)
     * @param usersWithSecurityInfo logins with at least one method on file, whatever the policy counts
     * @param usersAbleToReset of those, the logins with at least {@code methodsRequired} of the counted methods
     * @param usersUnableToReset of those, the logins with fewer (zero when the policy is enabled for none)
     */
    public record Coverage(
            String basis,
            EnabledFor enabledFor,
            int methodsRequired,
            List<MethodType> methodsCounted,
            boolean directoryContactsCount,
            List<MethodUsers> usersByMethod,
            long usersWithSecurityInfo,
            long usersAbleToReset,
            long usersUnableToReset) {

        /** The basis of every coverage figure today: security info in OpenSSPR's database. */
        public static final String ON_FILE = "security-info-on-file";

        public Coverage {
            methodsCounted = List.copyOf(methodsCounted);
            usersByMethod = List.copyOf(usersByMethod);
        }
    }

    /** How many logins have {@code method} on file. */
    public record MethodUsers(MethodType method, long users) {}

    /**
     * How often a reset step ended with {@code result} (Failure, Blocked, Abandoned) for {@code reason},
     * the event's details as the audit log holds them.
     */
    public record FailureReason(String activity, String result, String reason, long count) {}

    /** A login (as typed) and how many blocked events it had in the range, the last one at {@code last}. */
    public record BlockedLogin(String login, long blocked, Instant last) {}
}
