package org.opensspr.directory;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;

/** Test access to the embedded directory behind the server: a connection as its manager, for arranging test data. */
public final class EmbeddedDirectories {

    private EmbeddedDirectories() {}

    public static LDAPConnection managerConnection(Directory directory) throws LDAPException {
        EmbeddedDirectoryServer embedded = ((LdapDirectory) directory).embedded();
        return new LDAPConnection(
                "127.0.0.1", embedded.port(), EmbeddedDirectoryServer.MANAGER_DN, embedded.managerPassword());
    }
}
