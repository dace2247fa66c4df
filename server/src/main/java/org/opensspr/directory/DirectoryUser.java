package org.opensspr.directory;

import java.util.Objects;
import java.util.Optional;

/**
 * A user as the directory knows it. {@code mail} and {@code mobile} are the directory's own
 * contact attributes, empty when the entry has none; {@code preferredLanguage} is the entry's
 * {@code preferredLanguage} (RFC 2798, in inetOrgPerson and in Active Directory's schema) as
 * stored, e.g. {@code nl} or {@code en-GB, nl;q=0.8}, empty when it has none: the language its
 * mails and SMS are written in ({@code Languages.forRecipient}).
 */
public record DirectoryUser(
        String dn,
        String login,
        String displayName,
        String givenName,
        String surname,
        Optional<String> mail,
        Optional<String> mobile,
        Optional<String> preferredLanguage) {

    public DirectoryUser {
        Objects.requireNonNull(dn, "dn cannot be null");
        Objects.requireNonNull(login, "login cannot be null");
        displayName = displayName == null ? login : displayName;
        mail = mail == null ? Optional.empty() : mail;
        mobile = mobile == null ? Optional.empty() : mobile;
        preferredLanguage = preferredLanguage == null ? Optional.empty() : preferredLanguage;
    }

    /** A user whose entry names no preferred language. */
    public DirectoryUser(
            String dn,
            String login,
            String displayName,
            String givenName,
            String surname,
            Optional<String> mail,
            Optional<String> mobile) {
        this(dn, login, displayName, givenName, surname, mail, mobile, Optional.empty());
    }
}
