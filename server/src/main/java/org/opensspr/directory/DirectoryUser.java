package org.opensspr.directory;

import java.util.Objects;
import java.util.Optional;

/**
 * A user as the directory knows it. {@code mail} and {@code mobile} are the directory's own
 * contact attributes, empty when the entry has none.
 */
public record DirectoryUser(
        String dn,
        String login,
        String displayName,
        String givenName,
        String surname,
        Optional<String> mail,
        Optional<String> mobile) {

    public DirectoryUser {
        Objects.requireNonNull(dn, "dn cannot be null");
        Objects.requireNonNull(login, "login cannot be null");
        displayName = displayName == null ? login : displayName;
        mail = mail == null ? Optional.empty() : mail;
        mobile = mobile == null ? Optional.empty() : mobile;
    }
}
