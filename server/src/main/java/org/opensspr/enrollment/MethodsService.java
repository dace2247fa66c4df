package org.opensspr.enrollment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opensspr.audit.Activity;
import org.opensspr.audit.AuditEvent;
import org.opensspr.audit.AuditLog;
import org.opensspr.audit.AuditResult;
import org.opensspr.audit.ClientType;
import org.opensspr.directory.Directory;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.policy.MethodType;
import org.opensspr.policy.Requirements;
import org.opensspr.policy.SsprPolicy;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Which verification methods a user can use under a policy, and the admin's pre-filled contact
 * info. An admin-set email wins over the directory's {@code mail}, which counts only while the
 * policy's {@code useDirectoryContacts} is on.
 */
@Service
public class MethodsService {

    private static final int SAMPLE = 1000;

    private final JdbcContactInfoRepository contacts;
    private final JdbcRegistrationRepository registrations;
    private final Directory directory;
    private final AuditLog audit;
    private final Clock clock;
    private final String defaultRegion;

    MethodsService(
            JdbcContactInfoRepository contacts,
            JdbcRegistrationRepository registrations,
            Directory directory,
            AuditLog audit,
            PhoneProperties phone,
            Clock clock) {
        this.defaultRegion = phone.defaultRegion();
        this.contacts = contacts;
        this.registrations = registrations;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Every email address on file for {@code user}, without repeats: registered, pre-filled by an
     * admin, and the directory's {@code mail}, whatever the policy counts for verification. For
     * notices the owner must see even when someone else put an address of theirs on file.
     */
    public List<String> emailsOnFile(DirectoryUser user) {
        Map<String, String> emails = new LinkedHashMap<>();
        registrations.methods(user.login()).stream()
                .filter(m -> m.type() == MethodType.EMAIL)
                .forEach(m -> emails.putIfAbsent(m.value().strip().toLowerCase(Locale.ROOT), m.value()));
        contacts.find(user.login())
                .map(ContactInfo::email)
                .ifPresent(email -> emails.putIfAbsent(email.strip().toLowerCase(Locale.ROOT), email));
        user.mail().ifPresent(mail -> emails.putIfAbsent(mail.strip().toLowerCase(Locale.ROOT), mail));
        return List.copyOf(emails.values());
    }

    /**
     * The methods the user has that count for them, in a stable order (email, sms, totp,
     * questions). For email and SMS the user's own registration wins over the admin's pre-filled
     * contact info, which wins over the directory's {@code mail} / {@code mobile} (used only while
     * the policy's {@code useDirectoryContacts} is on).
     */
    public List<VerificationMethod> usableMethods(DirectoryUser user, SsprPolicy policy, Requirements requirements) {
        Optional<ContactInfo> prefilled = contacts.find(user.login());
        List<RegisteredMethod> registered = registrations.methods(user.login());
        List<VerificationMethod> methods = new ArrayList<>();
        for (MethodType type : requirements.allowed()) {
            Optional<String> own = registered.stream()
                    .filter(m -> m.type() == type)
                    .map(RegisteredMethod::value)
                    .findFirst();
            Optional<String> address = switch (type) {
                case EMAIL ->
                    own.or(() -> prefilled.map(ContactInfo::email))
                            .or(() -> policy.useDirectoryContacts() ? user.mail() : Optional.empty());
                case SMS ->
                    own.or(() -> prefilled.map(ContactInfo::phone))
                            .or(() -> policy.useDirectoryContacts()
                                    ? user.mobile().flatMap(this::e164)
                                    : Optional.empty());
                case TOTP, QUESTIONS -> own.map(value -> "");
            };
            address.ifPresent(
                    value -> methods.add(new VerificationMethod(type.id(), type, value.isEmpty() ? null : value)));
        }
        return methods;
    }

    /**
     * The country most phone numbers on file belong to (of at most {@value #SAMPLE} registered and
     * as many pre-filled numbers), as an ISO 3166 code; empty when there are none.
     */
    public Optional<String> commonestPhoneRegion() {
        List<String> numbers = new ArrayList<>(registrations.values(MethodType.SMS, SAMPLE));
        numbers.addAll(contacts.phoneNumbers(SAMPLE));
        return PhoneNumbers.commonestRegion(numbers);
    }

    /** The domain most email addresses on file have (sampled as above), lower-cased; empty when there are none. */
    public Optional<String> commonestEmailDomain() {
        List<String> addresses = new ArrayList<>(registrations.values(MethodType.EMAIL, SAMPLE));
        addresses.addAll(contacts.emails(SAMPLE));
        Map<String, Integer> counts = new HashMap<>();
        for (String address : addresses) {
            int at = address.lastIndexOf('@');
            if (at > 0 && at < address.length() - 1) {
                counts.merge(address.substring(at + 1).toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey);
    }

    /**
     * A phone number as a user typed it or the directory's {@code mobile} holds it, in E.164; a number
     * without {@code +} is a national number of {@code sspr.phone.default-region} (none: not valid).
     * Empty when it is no valid number: such a directory {@code mobile} does not count, and such a
     * typed number matches nothing.
     */
    public Optional<String> e164(String number) {
        try {
            return Optional.of(PhoneNumbers.toE164(number, defaultRegion));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Sets the pre-filled contact info of a user who exists in the directory.
     *
     * @throws ResponseStatusException 404 when the directory has no such user
     */
    public ContactInfo setContactInfo(String login, ContactInfo info, String admin, String ip, ClientType clientType) {
        DirectoryUser user = directory
                .findUser(login)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "The directory has no user '" + login + "'."));
        contacts.save(user.login(), info);
        audit.record(new AuditEvent(
                clock.instant(),
                Activity.ADMIN_UPDATED_SECURITY_INFO,
                AuditResult.Success,
                admin,
                user.login(),
                ip,
                clientType,
                "authentication contact info: email " + (info.email() == null ? "cleared" : "set") + ", phone "
                        + (info.phone() == null ? "cleared" : "set")));
        return info;
    }
}
