package org.opensspr.directory;

import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
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
}
