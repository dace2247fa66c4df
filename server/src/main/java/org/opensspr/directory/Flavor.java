package org.opensspr.directory;

import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.util.StaticUtils;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What differs between kinds of directory: how nested groups are found, how a password is
 * written and how an account is unlocked. {@link OpenLdapFlavor} (also 389-DS and the embedded
 * directory) and {@link ActiveDirectoryFlavor} (also Samba AD).
 */
interface Flavor {

    /** Names ({@code cn}) of the groups {@code userDn} is a member of, directly or through other groups. */
    Set<String> groupsOf(LDAPConnectionPool pool, String baseDn, String userDn) throws LDAPException;

    /**
     * Sets the password as an administrator would, so that the directory applies its own policy.
     *
     * @throws DirectoryRejectedPasswordException when the directory's policy refuses it
     * @throws LDAPException for every other failure
     */
    void setPassword(LDAPConnectionPool pool, String dn, String password) throws LDAPException;

    /**
     * Unlocks a locked-out account; an account that is not locked is left as it is.
     *
     * @return false when the account was known not to be locked, true when it was or may have been
     */
    boolean unlock(LDAPConnectionPool pool, String dn) throws LDAPException;

    /**
     * When the directory last changed the account's password, as far as it says: ppolicy's
     * {@code pwdChangedTime}, else {@code modifyTimestamp} (any change to the entry, so possibly
     * later than the password). Empty when the directory records neither. Used to settle a reset
     * that was interrupted between the directory write and the database.
     */
    default Optional<Instant> passwordChangedAt(LDAPConnectionPool pool, String dn) throws LDAPException {
        SearchResultEntry entry =
                pool.searchForEntry(dn, SearchScope.BASE, "(objectClass=*)", "pwdChangedTime", "modifyTimestamp");
        if (entry == null) {
            return Optional.empty();
        }
        for (String attribute : new String[] {"pwdChangedTime", "modifyTimestamp"}) {
            String value = entry.getAttributeValue(attribute);
            if (value != null) {
                try {
                    return Optional.of(StaticUtils.decodeGeneralizedTime(value).toInstant());
                } catch (java.text.ParseException e) {
                    throw new LDAPException(
                            com.unboundid.ldap.sdk.ResultCode.DECODING_ERROR, attribute + " is not a time: " + value);
                }
            }
        }
        return Optional.empty();
    }
}
