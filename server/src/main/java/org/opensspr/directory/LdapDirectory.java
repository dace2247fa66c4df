package org.opensspr.directory;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Directory} over LDAP with the UnboundID SDK and a pool of connections bound as the
 * service account. Users are found with the configured {@link UserMapping} under the base DN; how
 * groups are followed, passwords written and accounts unlocked is the {@link Flavor}'s business
 * ({@link OpenLdapFlavor}: Password Modify, RFC 3062, with ppolicy; {@link ActiveDirectoryFlavor}:
 * {@code unicodePwd}). Logs the DN and the result code of failures, never a password.
 */
final class LdapDirectory implements Directory, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LdapDirectory.class);
    private static final Set<ResultCode> UNAVAILABLE = Set.of(
            ResultCode.SERVER_DOWN,
            ResultCode.CONNECT_ERROR,
            ResultCode.TIMEOUT,
            ResultCode.UNAVAILABLE,
            ResultCode.BUSY,
            ResultCode.LOCAL_ERROR,
            ResultCode.DECODING_ERROR,
            ResultCode.ENCODING_ERROR);

    private final LDAPConnectionPool pool;
    private final String baseDn;
    private final UserMapping users;
    private final Flavor flavor;
    private final EmbeddedDirectoryServer embedded;
    private final DirectoryTimers timers;
    /** A DN under the base that names no entry: the bind target of an unknown login. */
    private final String standInDn;

    /**
     * @param embedded the embedded server this directory owns and closes, or null
     * @param timers where each operation's time is recorded
     */
    LdapDirectory(
            LDAPConnectionPool pool,
            String baseDn,
            UserMapping users,
            Flavor flavor,
            EmbeddedDirectoryServer embedded,
            DirectoryTimers timers) {
        this.pool = pool;
        this.timers = timers;
        this.baseDn = baseDn;
        this.users = users;
        this.flavor = flavor;
        this.embedded = embedded;
        this.standInDn = "cn=opensspr-stand-in,ou=opensspr-no-such-entry," + baseDn;
    }

    /** The embedded directory: OpenLDAP's behaviour and attributes. */
    LdapDirectory(LDAPConnectionPool pool, String baseDn, EmbeddedDirectoryServer embedded, DirectoryTimers timers) {
        this(pool, baseDn, UserMapping.openLdap(), new OpenLdapFlavor(), embedded, timers);
    }

    @Override
    public Optional<DirectoryUser> findUser(String login) {
        if (login == null || login.isBlank() || login.length() > 256) {
            return Optional.empty();
        }
        try {
            List<SearchResultEntry> entries = timers.search(
                    () -> pool.search(baseDn, SearchScope.SUB, users.byLogin(login.strip()), users.attributes())
                            .getSearchEntries());
            return entries.size() == 1 ? users.toUser(entries.get(0)) : Optional.empty();
        } catch (LDAPException e) {
            throw translate("search for a user", e);
        }
    }

    @Override
    public Optional<DirectoryUser> authenticate(String login, String password) {
        if (password == null || password.isEmpty()) {
            return Optional.empty();
        }
        Optional<DirectoryUser> user = findUser(login);
        if (user.isEmpty()) {
            bindAsStandIn(password);
            return Optional.empty();
        }
        try {
            timers.bind(() -> pool.bindAndRevertAuthentication(
                    new SimpleBindRequest(user.get().dn(), password)));
            return user;
        } catch (LDAPException e) {
            if (ResultCode.INVALID_CREDENTIALS.equals(e.getResultCode())) {
                return Optional.empty();
            }
            throw translate("bind as a user", e);
        }
    }

    /**
     * The bind an unknown login would have had: against {@link #standInDn}, which names no entry,
     * so the directory answers {@code invalidCredentials} as it does for a wrong password. An
     * unknown login thus costs the same search and bind as a known one, and the answer's timing does
     * not tell which logins exist. No account is bound, so no lockout counter moves.
     */
    private void bindAsStandIn(String password) {
        try {
            timers.bind(() -> pool.bindAndRevertAuthentication(new SimpleBindRequest(standInDn, password)));
            log.error("The stand-in DN {} bound; it must name no entry", standInDn);
        } catch (LDAPException e) {
            if (UNAVAILABLE.contains(e.getResultCode())) {
                throw translate("bind as a user", e);
            }
        }
    }

    @Override
    public Set<String> groupsOf(DirectoryUser user) {
        try {
            return timers.search(() -> flavor.groupsOf(pool, baseDn, user.dn()));
        } catch (LDAPException e) {
            throw translate("search for groups", e);
        }
    }

    @Override
    public List<DirectoryUser> membersOf(String group) {
        Filter filter = Filter.createANDFilter(
                Filter.createEqualityFilter("cn", group),
                Filter.createORFilter(
                        Filter.createEqualityFilter("objectClass", "groupOfNames"),
                        Filter.createEqualityFilter("objectClass", "groupOfUniqueNames"),
                        Filter.createEqualityFilter("objectClass", "group")));
        try {
            return timers.search(() -> members(filter));
        } catch (LDAPException e) {
            throw translate("read the members of a group", e);
        }
    }

    private List<DirectoryUser> members(Filter filter) throws LDAPException {
        List<DirectoryUser> members = new ArrayList<>();
        for (SearchResultEntry entry : pool.search(baseDn, SearchScope.SUB, filter, "member", "uniqueMember")
                .getSearchEntries()) {
            List<String> dns = new ArrayList<>();
            Optional.ofNullable(entry.getAttributeValues("member")).ifPresent(v -> dns.addAll(List.of(v)));
            Optional.ofNullable(entry.getAttributeValues("uniqueMember")).ifPresent(v -> dns.addAll(List.of(v)));
            for (String dn : dns) {
                userAt(dn).ifPresent(members::add);
            }
        }
        return members;
    }

    /** The user at {@code dn}, or empty when the entry is gone or is no user (a nested group). */
    private Optional<DirectoryUser> userAt(String dn) throws LDAPException {
        try {
            SearchResultEntry entry = pool.searchForEntry(dn, SearchScope.BASE, users.userFilter(), users.attributes());
            return entry == null ? Optional.empty() : users.toUser(entry);
        } catch (LDAPException e) {
            if (ResultCode.NO_SUCH_OBJECT.equals(e.getResultCode())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void resetPassword(DirectoryUser user, String newPassword) {
        try {
            timers.modify(() -> {
                flavor.setPassword(pool, user.dn(), newPassword);
                return null;
            });
            log.info("Password of {} was set in the directory", user.dn());
        } catch (DirectoryRejectedPasswordException e) {
            log.info("Directory refused the new password of {} ({}): {}", user.dn(), e.reason(), e.getMessage());
            throw e;
        } catch (LDAPException e) {
            if (ResultCode.SERVER_DOWN.equals(e.getResultCode()) || ResultCode.TIMEOUT.equals(e.getResultCode())) {
                // sent, and no answer: the directory may have set it (DirectoryWriteUnknownException)
                log.warn(
                        "No answer from the directory to setting the password of {}: {} {}",
                        user.dn(),
                        e.getResultCode(),
                        e.getExceptionMessage());
                throw new DirectoryWriteUnknownException(e.getResultCode().getName(), e);
            }
            throw translate("set a password", e);
        }
    }

    @Override
    public void unlock(DirectoryUser user) {
        try {
            if (timers.modify(() -> flavor.unlock(pool, user.dn()))) {
                log.info("Unlocked {} in the directory", user.dn());
            }
        } catch (LDAPException e) {
            throw translate("unlock an account", e);
        }
    }

    @Override
    public Optional<java.time.Instant> passwordChangedAt(DirectoryUser user) {
        try {
            return timers.search(() -> flavor.passwordChangedAt(pool, user.dn()));
        } catch (LDAPException e) {
            throw translate("read when a password changed", e);
        }
    }

    @Override
    public boolean isAvailable() {
        try {
            return pool.getRootDSE() != null;
        } catch (LDAPException e) {
            return false;
        }
    }

    @Override
    public String baseDn() {
        return baseDn;
    }

    /** The embedded server behind this directory, or null for a real one. */
    EmbeddedDirectoryServer embedded() {
        return embedded;
    }

    @Override
    public void close() {
        pool.close();
        if (embedded != null) {
            embedded.close();
        }
    }

    private static RuntimeException translate(String what, LDAPException e) {
        if (UNAVAILABLE.contains(e.getResultCode())) {
            log.warn("Directory unavailable during {}: {} {}", what, e.getResultCode(), e.getExceptionMessage());
            return new DirectoryUnavailableException(e.getResultCode().getName(), e);
        }
        log.error("Directory error during {}: {} {}", what, e.getResultCode(), e.getExceptionMessage());
        return new IllegalStateException("the directory answered " + e.getResultCode() + " to " + what, e);
    }
}
