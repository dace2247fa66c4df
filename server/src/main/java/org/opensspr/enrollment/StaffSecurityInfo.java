package org.opensspr.enrollment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.policy.MethodType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What helpdesk staff and admins change in a user's security info without the user's step-up
 * proof: clear a method the user lost, and ask the user to register or confirm their methods again
 * at the next sign-in. The user hears of a cleared method at every address on file, as after their
 * own change ({@link SecurityInfoNotices}). Records no audit event: the caller (the helpdesk
 * feature) audits the action with the staff member as actor.
 */
@Service
public class StaffSecurityInfo {

    private final JdbcRegistrationRepository registrations;
    private final JdbcContactInfoRepository contacts;
    private final SecurityInfoNotices notices;
    private final Clock clock;

    StaffSecurityInfo(
            JdbcRegistrationRepository registrations,
            JdbcContactInfoRepository contacts,
            SecurityInfoNotices notices,
            Clock clock) {
        this.registrations = registrations;
        this.contacts = contacts;
        this.notices = notices;
        this.clock = clock;
    }

    /** Where a cleared method came from. */
    public enum Source {
        /** The user registered it. */
        REGISTERED,
        /** An admin pre-filled it as contact info ({@code PUT /api/v1/admin/users/{login}/contact}). */
        PREFILLED
    }

    /**
     * Clears {@code type} for the user: their own registration and, for email and SMS, the admin's
     * pre-filled address or number too, so that the lost method no longer counts (the directory's own
     * {@code mail} and {@code mobile} stay; they count while the policy's {@code useDirectoryContacts}
     * is on). The user is told at every address on file before the change.
     *
     * @return what was cleared; empty when there was nothing of this type to clear (nothing changes)
     */
    @Transactional
    public List<Source> clear(DirectoryUser user, MethodType type) {
        Set<SecurityInfoNotices.Address> before = notices.onFile(user);
        List<Source> cleared = new ArrayList<>();
        if (registrations.delete(user.login(), type)) {
            cleared.add(Source.REGISTERED);
        }
        Optional<ContactInfo> prefilled = contacts.find(user.login());
        if (prefilled.isPresent()) {
            ContactInfo info = prefilled.get();
            if (type == MethodType.EMAIL && info.email() != null) {
                contacts.save(user.login(), new ContactInfo(null, info.phone()));
                cleared.add(Source.PREFILLED);
            } else if (type == MethodType.SMS && info.phone() != null) {
                contacts.save(user.login(), new ContactInfo(info.email(), null));
                cleared.add(Source.PREFILLED);
            }
        }
        if (!cleared.isEmpty()) {
            notices.changed(user, before, type, false, null);
        }
        return List.copyOf(cleared);
    }

    /**
     * Asks the user to register or confirm their security info again at the next sign-in: the
     * registration interrupt shows (set up first when too few methods count, else "is this still
     * current?") until they confirm, whatever the policy's {@code registrationRequired} and {@code
     * reconfirmDays}; only for a user in the policy's scope ({@link SecurityInfoService#status}).
     */
    @Transactional
    public void demandRegistration(DirectoryUser user, String staff) {
        registrations.demand(user.login(), staff, clock.instant());
    }

    /** Whether the helpdesk asked the user to register or confirm again and they have not yet. */
    @Transactional(readOnly = true)
    public boolean registrationDemanded(DirectoryUser user) {
        return registrations.demanded(user.login());
    }
}
