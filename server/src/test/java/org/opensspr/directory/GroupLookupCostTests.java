package org.opensspr.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Looking up an OpenLDAP user's groups costs the same searches for a user in no group, a user in a
 * group that is in no other group, and a login that does not exist (a decoy looks up a stand-in):
 * counted at the server, not timed. One search fewer was the 2 ms by which a flow start told
 * accounts in a group apart.
 */
class GroupLookupCostTests {

    private static final String BASE = "dc=test,dc=example";

    private final AtomicInteger searches = new AtomicInteger();
    private InMemoryDirectoryServer server;
    private LDAPConnectionPool pool;

    @BeforeEach
    void start() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.addAdditionalBindCredentials("cn=manager", "manager-secret");
        config.setSchema(null);
        config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
            @Override
            public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
                searches.incrementAndGet();
            }
        });
        server = new InMemoryDirectoryServer(config);
        server.importFromLDIF(true, "src/test/resources/ldap/test-org.ldif");
        server.add("dn: uid=erin,ou=people," + BASE, "objectClass: inetOrgPerson", "uid: erin", "cn: Erin", "sn: E");
        server.add("dn: uid=frank,ou=people," + BASE, "objectClass: inetOrgPerson", "uid: frank", "cn: Frank", "sn: F");
        server.add(
                "dn: cn=readers," + BASE,
                "objectClass: groupOfNames",
                "cn: readers",
                "member: uid=erin,ou=people," + BASE);
        server.startListening();
        pool = new LDAPConnectionPool(
                new LDAPConnection("127.0.0.1", server.getListenPort(), "cn=manager", "manager-secret"), 1);
    }

    @AfterEach
    void stop() {
        pool.close();
        server.shutDown(true);
    }

    private int searchesFor(String userDn) throws Exception {
        searches.set(0);
        new OpenLdapFlavor().groupsOf(pool, BASE, userDn);
        return searches.get();
    }

    @Test
    void aUserInAGroupInNoGroupAndALoginThatDoesNotExistCostTheSameSearches() throws Exception {
        int inAGroup = searchesFor("uid=erin,ou=people," + BASE);
        int inNoGroup = searchesFor("uid=frank,ou=people," + BASE);
        int standIn = searchesFor("cn=opensspr-stand-in,ou=opensspr-no-such-entry," + BASE);

        assertThat(new OpenLdapFlavor().groupsOf(pool, BASE, "uid=erin,ou=people," + BASE))
                .containsExactly("readers");
        assertThat(inAGroup).isEqualTo(OpenLdapFlavor.EVEN_LEVELS);
        assertThat(inNoGroup).as("a user in no group").isEqualTo(inAGroup);
        assertThat(standIn).as("a login that does not exist").isEqualTo(inAGroup);
    }

    @Test
    void nestedGroupsAreStillFollowedBeyondTheEvenLevels() throws Exception {
        assertThat(new OpenLdapFlavor().groupsOf(pool, BASE, "uid=dave,ou=people," + BASE))
                .containsExactlyInAnyOrder("testers", "helpdesk", "everyone", "loop");
    }
}
