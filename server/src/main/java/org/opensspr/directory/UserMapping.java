package org.opensspr.directory;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a user is in the directory: the filter every user entry matches, the attributes a login
 * is looked up in (the first one present is the user's login) and the contact attributes. The
 * user's language is {@value #PREFERRED_LANGUAGE}, the same attribute in OpenLDAP's inetOrgPerson,
 * 389-DS and Active Directory (an entry without it, or a schema without it, just has none).
 */
record UserMapping(Filter userFilter, List<String> loginAttributes, String mailAttribute, String mobileAttribute) {

    static final String PREFERRED_LANGUAGE = "preferredLanguage";

    static UserMapping of(DirectoryProperties properties) {
        try {
            return new UserMapping(
                    Filter.create(properties.userFilter()),
                    properties.loginAttributes(),
                    properties.mailAttribute(),
                    properties.mobileAttribute());
        } catch (LDAPException e) {
            throw new IllegalArgumentException(
                    "sspr.directory.user-filter is not an LDAP filter: " + properties.userFilter(), e);
        }
    }

    /** The embedded directory and OpenLDAP's defaults. */
    static UserMapping openLdap() {
        return new UserMapping(Filter.createEqualityFilter("objectClass", "person"), List.of("uid"), "mail", "mobile");
    }

    /** Entries of users whose login attribute (any of them) equals {@code login}. */
    Filter byLogin(String login) {
        List<Filter> logins = new ArrayList<>();
        for (String attribute : loginAttributes) {
            logins.add(Filter.createEqualityFilter(attribute, login));
        }
        return Filter.createANDFilter(userFilter, logins.size() == 1 ? logins.get(0) : Filter.createORFilter(logins));
    }

    /** The attributes to read for a {@link DirectoryUser}. */
    String[] attributes() {
        Set<String> attributes = new LinkedHashSet<>(loginAttributes);
        attributes.addAll(
                List.of("cn", "displayName", "givenName", "sn", mailAttribute, mobileAttribute, PREFERRED_LANGUAGE));
        return attributes.toArray(String[]::new);
    }

    /** The user of an entry, or empty when it has none of the login attributes. */
    Optional<DirectoryUser> toUser(Entry entry) {
        String login = null;
        for (String attribute : loginAttributes) {
            login = login == null ? entry.getAttributeValue(attribute) : login;
        }
        if (login == null) {
            return Optional.empty();
        }
        return Optional.of(new DirectoryUser(
                entry.getDN(),
                login,
                Optional.ofNullable(entry.getAttributeValue("displayName")).orElse(entry.getAttributeValue("cn")),
                entry.getAttributeValue("givenName"),
                entry.getAttributeValue("sn"),
                Optional.ofNullable(entry.getAttributeValue(mailAttribute)),
                Optional.ofNullable(entry.getAttributeValue(mobileAttribute)),
                Optional.ofNullable(entry.getAttributeValue(PREFERRED_LANGUAGE))));
    }
}
