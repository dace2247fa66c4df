package org.opensspr.bench;

import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedRequest;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Raw password writes on the server's embedded directory, bypassing OpenSSPR: Password Modify
 * (RFC 3062) as {@code cn=Directory Manager}, one connection per virtual user, on users the other
 * phases never touch. This is the directory's own write rate, the ceiling for resets.
 */
final class LdapWrites implements AutoCloseable {

    static final String MANAGER_DN = "cn=Directory Manager";

    private final int port;
    private final String managerPassword;
    private final int firstUser;
    private final int users;
    private final int timeoutMillis;
    private final AtomicLong cursor = new AtomicLong();
    private final ConcurrentHashMap<Integer, LDAPConnection> connections = new ConcurrentHashMap<>();

    /** Writes go to users {@code firstUser} to {@code firstUser + users - 1}. */
    LdapWrites(int port, String managerPassword, int firstUser, int users, int timeoutMillis) {
        if (users < 1) {
            throw new IllegalArgumentException("at least one user is needed for LDAP writes");
        }
        this.port = port;
        this.managerPassword = managerPassword;
        this.firstUser = firstUser;
        this.users = users;
        this.timeoutMillis = timeoutMillis;
    }

    PhaseRunner.Operation write() {
        return (worker, stats) -> {
            int user = firstUser + (int) (cursor.getAndIncrement() % users);
            long start = System.nanoTime();
            try {
                LDAPConnection connection = connection(worker);
                ExtendedResult result = connection.processExtendedOperation(
                        new PasswordModifyExtendedRequest(SeedLdif.dn(user), null, Passphrases.next()));
                if (!ResultCode.SUCCESS.equals(result.getResultCode())) {
                    stats.error("write:ldap-" + result.getResultCode().getName());
                    return;
                }
                long end = System.nanoTime();
                stats.step("write", end - start);
                stats.success(start, end);
            } catch (LDAPException e) {
                stats.error("write:ldap-" + e.getResultCode().getName());
                LDAPConnection broken = connections.remove(worker);
                if (broken != null) {
                    broken.close();
                }
            }
        };
    }

    private LDAPConnection connection(int worker) throws LDAPException {
        LDAPConnection connection = connections.get(worker);
        if (connection == null || !connection.isConnected()) {
            LDAPConnectionOptions options = new LDAPConnectionOptions();
            options.setConnectTimeoutMillis(timeoutMillis);
            options.setResponseTimeoutMillis(timeoutMillis);
            connection = new LDAPConnection(options, "127.0.0.1", port, MANAGER_DN, managerPassword);
            connections.put(worker, connection);
        }
        return connection;
    }

    @Override
    public void close() {
        connections.values().forEach(LDAPConnection::close);
        connections.clear();
    }
}
