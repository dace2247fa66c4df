package org.opensspr.directory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedRequest;
import com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Directory} over LDAP with the UnboundID SDK and a pool of connections bound as the
 * service account. Passwords are set with the Password Modify extended operation (RFC 3062), so
 * the server hashes them and applies its own policy. Users are found by {@code uid} under the
 * base DN, groups by {@code member} / {@code uniqueMember}. Logs the DN and the result code of
 * failures, never a password.
 */
final class LdapDirectory implements Directory, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LdapDirectory.class);
    private static final String[] USER_ATTRIBUTES = {"uid", "cn", "displayName", "givenName", "sn", "mail", "mobile"};
    private static final Set<ResultCode> UNAVAILABLE = Set.of(ResultCode.SERVER_DOWN, ResultCode.CONNECT_ERROR,
            ResultCode.TIMEOUT, ResultCode.UNAVAILABLE, ResultCode.BUSY, ResultCode.LOCAL_ERROR,
            ResultCode.DECODING_ERROR, ResultCode.ENCODING_ERROR);
    private static final Set<ResultCode> PASSWORD_REFUSED = Set.of(ResultCode.CONSTRAINT_VIOLATION,
            ResultCode.UNWILLING_TO_PERFORM, ResultCode.INVALID_ATTRIBUTE_SYNTAX);

    /** The account was not locked, or the directory has no lockout attribute: nothing to do. */
    private static final Set<ResultCode> NOT_LOCKED = Set.of(ResultCode.NO_SUCH_ATTRIBUTE, ResultCode.UNDEFINED_ATTRIBUTE_TYPE,
            ResultCode.OBJECT_CLASS_VIOLATION);

    /** How deep nested groups are followed; deeper nesting is almost always a mistake in the directory. */
    static final int MAX_NESTING = 8;

    private final LDAPConnectionPool pool;
    private final String baseDn;
    private final EmbeddedDirectoryServer embedded;

    /** @param embedded the embedded server this directory owns and closes, or null */
    LdapDirectory(LDAPConnectionPool pool, String baseDn, EmbeddedDirectoryServer embedded) {
        this.pool = pool;
        this.baseDn = baseDn;
        this.embedded = embedded;
    }

    @Override
    public Optional<DirectoryUser> findUser(String login) {
        if (login == null || login.isBlank() || login.length() > 256) {
            return Optional.empty();
        }
        Filter filter = Filter.createANDFilter(Filter.createEqualityFilter("objectClass", "person"),
                Filter.createEqualityFilter("uid", login.strip()));
        try {
            SearchResult result = pool.search(baseDn, SearchScope.SUB, filter, USER_ATTRIBUTES);
            List<SearchResultEntry> entries = result.getSearchEntries();
            return entries.size() == 1 ? Optional.of(toUser(entries.get(0))) : Optional.empty();
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
            return Optional.empty();
        }
        try {
            pool.bindAndRevertAuthentication(new SimpleBindRequest(user.get().dn(), password));
            return user;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                return Optional.empty();
            }
            throw translate("bind as a user", e);
        }
    }

    @Override
    public Set<String> groupsOf(DirectoryUser user) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        List<String> level = List.of(user.dn());
        try {
            // Nested membership: the groups of the user, then the groups those groups are members of,
            // level by level, at most MAX_NESTING deep and each group once (cycles end here).
            for (int depth = 0; depth < MAX_NESTING && !level.isEmpty(); depth++) {
                List<String> next = new ArrayList<>();
                for (SearchResultEntry entry : pool.search(baseDn, SearchScope.SUB, groupsWithMember(level), "cn").getSearchEntries()) {
                    if (seen.add(entry.getDN().toLowerCase(Locale.ROOT))) {
                        Optional.ofNullable(entry.getAttributeValue("cn")).ifPresent(names::add);
                        next.add(entry.getDN());
                    }
                }
                level = next;
            }
            return names;
        } catch (LDAPException e) {
            throw translate("search for groups", e);
        }
    }

    /** Groups (groupOfNames or groupOfUniqueNames) with any of {@code dns} as a member. */
    private static Filter groupsWithMember(List<String> dns) {
        List<Filter> members = new ArrayList<>();
        for (String dn : dns) {
            members.add(Filter.createEqualityFilter("member", dn));
            members.add(Filter.createEqualityFilter("uniqueMember", dn));
        }
        return Filter.createANDFilter(Filter.createORFilter(Filter.createEqualityFilter("objectClass", "groupOfNames"),
                Filter.createEqualityFilter("objectClass", "groupOfUniqueNames")), Filter.createORFilter(members));
    }

    @Override
    public List<DirectoryUser> membersOf(String group) {
        Filter filter = Filter.createANDFilter(Filter.createEqualityFilter("cn", group), Filter.createORFilter(
                Filter.createEqualityFilter("objectClass", "groupOfNames"),
                Filter.createEqualityFilter("objectClass", "groupOfUniqueNames")));
        try {
            List<DirectoryUser> members = new ArrayList<>();
            for (SearchResultEntry entry : pool.search(baseDn, SearchScope.SUB, filter, "member", "uniqueMember").getSearchEntries()) {
                List<String> dns = new ArrayList<>();
                Optional.ofNullable(entry.getAttributeValues("member")).ifPresent(v -> dns.addAll(List.of(v)));
                Optional.ofNullable(entry.getAttributeValues("uniqueMember")).ifPresent(v -> dns.addAll(List.of(v)));
                for (String dn : dns) {
                    SearchResultEntry member = pool.getEntry(dn, USER_ATTRIBUTES);
                    if (member != null && member.getAttributeValue("uid") != null) {
                        members.add(toUser(member));
                    }
                }
            }
            return members;
        } catch (LDAPException e) {
            throw translate("read the members of a group", e);
        }
    }

    @Override
    public void resetPassword(DirectoryUser user, String newPassword) {
        try {
            PasswordModifyExtendedResult result = (PasswordModifyExtendedResult) pool.processExtendedOperation(
                    new PasswordModifyExtendedRequest(user.dn(), null, newPassword));
            if (result.getResultCode() != ResultCode.SUCCESS) {
                throw new LDAPException(result);
            }
            log.info("Password of {} was set in the directory", user.dn());
        } catch (LDAPException e) {
            if (PASSWORD_REFUSED.contains(e.getResultCode())) {
                log.info("Directory refused the new password of {}: {} {}", user.dn(), e.getResultCode(), e.getDiagnosticMessage());
                throw new DirectoryRejectedPasswordException(e.getDiagnosticMessage() == null
                        ? e.getResultCode().getName() : e.getDiagnosticMessage());
            }
            throw translate("set a password", e);
        }
    }

    @Override
    public void unlock(DirectoryUser user) {
        try {
            pool.modify(user.dn(), new Modification(ModificationType.DELETE, "pwdAccountLockedTime"));
            log.info("Unlocked {} in the directory", user.dn());
        } catch (LDAPException e) {
            if (NOT_LOCKED.contains(e.getResultCode())) {
                return;
            }
            throw translate("unlock an account", e);
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

    private static DirectoryUser toUser(SearchResultEntry entry) {
        return new DirectoryUser(entry.getDN(), entry.getAttributeValue("uid"),
                Optional.ofNullable(entry.getAttributeValue("displayName")).orElse(entry.getAttributeValue("cn")),
                entry.getAttributeValue("givenName"), entry.getAttributeValue("sn"),
                Optional.ofNullable(entry.getAttributeValue("mail")), Optional.ofNullable(entry.getAttributeValue("mobile")));
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
