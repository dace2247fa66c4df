package org.opensspr.enrollment;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.notify.Message;
import org.opensspr.notify.MessageTexts;
import org.opensspr.notify.NotificationOutbox;
import org.opensspr.policy.MethodType;
import org.opensspr.system.Languages;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * Tells the user at every address on file that their security info changed, so that an intruder
 * who adds their own address cannot keep it quiet (issue 11): every registered email and phone,
 * the admin's pre-filled contact info and the directory's {@code mail}, as they were before the
 * change and after it. The notice says what changed and what to do if it was not the user, and shows a new address only
 * masked; it never holds a code. It goes through the outbox, in the caller's transaction, in the
 * user's language ({@link Languages#forRecipient}: the directory's {@code preferredLanguage}, else
 * the request's).
 */
@Component
class SecurityInfoNotices {

    private final JdbcRegistrationRepository registrations;
    private final JdbcContactInfoRepository contacts;
    private final NotificationOutbox outbox;
    private final MessageTexts texts;

    SecurityInfoNotices(
            JdbcRegistrationRepository registrations,
            JdbcContactInfoRepository contacts,
            NotificationOutbox outbox,
            MessageTexts texts) {
        this.registrations = registrations;
        this.contacts = contacts;
        this.outbox = outbox;
        this.texts = texts;
    }

    /** Every email address (first) and phone number on file for {@code user}, without repeats. */
    Set<Address> onFile(DirectoryUser user) {
        Set<Address> addresses = new LinkedHashSet<>();
        registrations.methods(user.login()).stream()
                .filter(m -> m.type() == MethodType.EMAIL || m.type() == MethodType.SMS)
                .forEach(m -> addresses.add(new Address(m.type(), m.value())));
        contacts.find(user.login()).ifPresent(info -> {
            if (info.email() != null) {
                addresses.add(new Address(MethodType.EMAIL, info.email()));
            }
            if (info.phone() != null) {
                addresses.add(new Address(MethodType.SMS, info.phone()));
            }
        });
        user.mail().ifPresent(mail -> addresses.add(new Address(MethodType.EMAIL, mail)));
        return addresses;
    }

    /**
     * Sends the notice of a change to {@code before} (what was on file before the change) and to
     * what is on file now.
     *
     * @param added true when {@code type} was added or replaced, false when it was removed
     * @param value the new email address or phone number (shown masked), or null
     */
    void changed(DirectoryUser user, Set<Address> before, MethodType type, boolean added, String value) {
        Set<Address> recipients = new LinkedHashSet<>(before);
        recipients.addAll(onFile(user));
        Locale locale = Languages.forRecipient(user.preferredLanguage());
        String hint =
                value == null ? "" : " (" + (type == MethodType.SMS ? Hints.phone(value) : Hints.email(value)) + ")";
        MessageSourceResolvable what = new DefaultMessageSourceResolvable(
                new String[] {added ? "notice.securityInfo.added" : "notice.securityInfo.removed"},
                new Object[] {new DefaultMessageSourceResolvable("method." + type.id() + ".name"), hint});
        for (Address address : recipients) {
            outbox.enqueue(
                    address.type() == MethodType.EMAIL
                            ? texts.email(
                                    Message.Kind.SECURITY_INFO_NOTICE, address.value(), locale, user.login(), what)
                            : texts.sms(
                                    Message.Kind.SECURITY_INFO_NOTICE, address.value(), locale, user.login(), what));
        }
    }

    /** An email address or an E.164 phone number on file. */
    record Address(MethodType type, String value) {}
}
