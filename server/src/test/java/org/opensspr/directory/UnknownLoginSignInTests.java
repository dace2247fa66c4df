package org.opensspr.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A password check for a login that does not exist costs the directory what a wrong password for a
 * real login costs: one search and one bind. Counted at the server, not timed, so the proof does not
 * depend on the machine's speed: a missing bind was the 0.75 ms that told existing logins apart.
 */
class UnknownLoginSignInTests {

    private static final String BASE = "dc=test,dc=example";

    private final List<String> operations = new CopyOnWriteArrayList<>();
    private InMemoryDirectoryServer server;
    private LDAPConnectionPool pool;
    private LdapDirectory directory;

    @BeforeEach
    void start() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.addAdditionalBindCredentials("cn=manager", "manager-secret");
        config.setSchema(null);
        config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
            @Override
            public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
                operations.add("search");
            }

            @Override
            public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) {
                operations.add("bind");
            }
        });
        server = new InMemoryDirectoryServer(config);
        server.importFromLDIF(true, "src/test/resources/ldap/test-org.ldif");
        server.startListening();
        pool = new LDAPConnectionPool(
                new LDAPConnection("127.0.0.1", server.getListenPort(), "cn=manager", "manager-secret"), 1);
        directory = new LdapDirectory(pool, BASE, null, DirectoryTimers.none());
    }

    @AfterEach
    void stop() {
        pool.close();
        server.shutDown(true);
    }

    private List<String> operationsOf(Runnable check) {
        operations.clear();
        check.run();
        // The pool binds back as the service account after a user's bind: that is the same on both paths.
        return List.copyOf(operations);
    }

    @Test
    void anUnknownLoginCostsTheSameSearchAndBindsAsAWrongPasswordForARealOne() {
        List<String> known = operationsOf(() ->
                assertThat(directory.authenticate("dave", "wrong-password")).isEmpty());
        List<String> unknown =
                operationsOf(() -> assertThat(directory.authenticate("nobody-like-this", "wrong-password"))
                        .isEmpty());

        assertThat(known).as("a wrong password: the search and the user's bind").contains("search", "bind");
        assertThat(unknown).as("an unknown login does the same work").isEqualTo(known);
    }

    @Test
    void theRightPasswordStillSignsInAndTheStandInBindsNobody() {
        assertThat(directory.authenticate("dave", "dave-seed-password"))
                .map(DirectoryUser::login)
                .contains("dave");
        assertThat(directory.authenticate("nobody-like-this", "dave-seed-password"))
                .isEmpty();
    }
}
