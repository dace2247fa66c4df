package org.opensspr.directory;

import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10ErrorType;
import com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10RequestControl;
import com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10ResponseControl;
import com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.opensspr.directory.DirectoryRejectedPasswordException.Reason;

/**
 * OpenLDAP, 389-DS and the embedded directory. Passwords are written with the Password Modify
 * extended operation (RFC 3062) carrying the password policy request control
 * (draft-behera-ldap-password-policy-10), so the server hashes the password, applies its ppolicy
 * and says in the response control which rule refused it. Unlock deletes
 * {@code pwdAccountLockedTime}. Nested groups are followed level by level through
 * {@code member} and {@code uniqueMember}, at most {@value #MAX_NESTING} deep, and always at least
 * {@value #EVEN_LEVELS} levels: a user in no group, a user in a group that is in no other group and
 * a login that does not exist all cost the same searches, so the time of a lookup does not tell
 * which accounts exist or belong to a group.
 */
final class OpenLdapFlavor implements Flavor {

    /** How deep nested groups are followed; deeper nesting is almost always a mistake in the directory. */
    static final int MAX_NESTING = 8;

    /** Levels searched whatever is found: an empty level is asked for a member that names no entry. */
    static final int EVEN_LEVELS = 2;

    private static final Set<ResultCode> PASSWORD_REFUSED = Set.of(
            ResultCode.CONSTRAINT_VIOLATION, ResultCode.UNWILLING_TO_PERFORM, ResultCode.INVALID_ATTRIBUTE_SYNTAX);

    /** The account was not locked, or the directory has no lockout attribute: nothing to do. */
    private static final Set<ResultCode> NOT_LOCKED = Set.of(
            ResultCode.NO_SUCH_ATTRIBUTE, ResultCode.UNDEFINED_ATTRIBUTE_TYPE, ResultCode.OBJECT_CLASS_VIOLATION);

    @Override
    public Set<String> groupsOf(LDAPConnectionPool pool, String baseDn, String userDn) throws LDAPException {
        Set<String> names = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        List<String> level = List.of(userDn);
        // The groups of the user, then the groups those groups are members of, level by level,
        // at most MAX_NESTING deep and each group once (cycles end here).
        for (int depth = 0; depth < MAX_NESTING && (depth < EVEN_LEVELS || !level.isEmpty()); depth++) {
            List<String> next = new ArrayList<>();
            List<String> members = level.isEmpty() ? List.of(noSuchMember(baseDn)) : level;
            for (SearchResultEntry entry : pool.search(baseDn, SearchScope.SUB, groupsWithMember(members), "cn")
                    .getSearchEntries()) {
                if (seen.add(entry.getDN().toLowerCase(Locale.ROOT))) {
                    Optional.ofNullable(entry.getAttributeValue("cn")).ifPresent(names::add);
                    next.add(entry.getDN());
                }
            }
            level = next;
        }
        return names;
    }

    /** A member DN under the base that names no entry, for the levels searched only to even the cost. */
    private static String noSuchMember(String baseDn) {
        return "cn=opensspr-no-member,ou=opensspr-no-such-entry," + baseDn;
    }

    /** Groups (groupOfNames or groupOfUniqueNames) with any of {@code dns} as a member. */
    private static Filter groupsWithMember(List<String> dns) {
        List<Filter> members = new ArrayList<>();
        for (String dn : dns) {
            members.add(Filter.createEqualityFilter("member", dn));
            members.add(Filter.createEqualityFilter("uniqueMember", dn));
        }
        return Filter.createANDFilter(
                Filter.createORFilter(
                        Filter.createEqualityFilter("objectClass", "groupOfNames"),
                        Filter.createEqualityFilter("objectClass", "groupOfUniqueNames")),
                Filter.createORFilter(members));
    }

    @Override
    public void setPassword(LDAPConnectionPool pool, String dn, String password) throws LDAPException {
        PasswordModifyExtendedRequest request = new PasswordModifyExtendedRequest(
                dn, (String) null, password, new Control[] {new DraftBeheraLDAPPasswordPolicy10RequestControl()});
        LDAPResult result = pool.processExtendedOperation(request);
        if (!ResultCode.SUCCESS.equals(result.getResultCode())) {
            LDAPException failure = new LDAPException(result);
            DirectoryRejectedPasswordException refusal = refusal(failure);
            if (refusal != null) {
                throw refusal;
            }
            throw failure;
        }
    }

    @Override
    public boolean unlock(LDAPConnectionPool pool, String dn) throws LDAPException {
        try {
            pool.modify(dn, new Modification(ModificationType.DELETE, "pwdAccountLockedTime"));
            return true;
        } catch (LDAPException e) {
            if (NOT_LOCKED.contains(e.getResultCode())) {
                return false;
            }
            throw e;
        }
    }

    /**
     * The refusal a failed password write means, or null when it is no refusal (the directory is
     * down, the service account lacks the right...). The reason comes from the ppolicy response
     * control; without one the refusal is {@link Reason#OTHER} with the directory's diagnostic.
     */
    static DirectoryRejectedPasswordException refusal(LDAPException e) {
        DraftBeheraLDAPPasswordPolicy10ResponseControl control;
        try {
            control = DraftBeheraLDAPPasswordPolicy10ResponseControl.get(e.toLDAPResult());
        } catch (LDAPException malformed) {
            control = null;
        }
        Reason reason = reasonOf(control == null ? null : control.getErrorType());
        if (reason == Reason.OTHER && !PASSWORD_REFUSED.contains(e.getResultCode())) {
            return null;
        }
        String diagnostic = e.getDiagnosticMessage() == null ? e.getResultCode().getName() : e.getDiagnosticMessage();
        return new DirectoryRejectedPasswordException(reason, diagnostic);
    }

    private static Reason reasonOf(DraftBeheraLDAPPasswordPolicy10ErrorType error) {
        if (error == null) {
            return Reason.OTHER;
        }
        return switch (error) {
            case PASSWORD_TOO_SHORT -> Reason.TOO_SHORT;
            case PASSWORD_IN_HISTORY -> Reason.IN_HISTORY;
            case PASSWORD_TOO_YOUNG -> Reason.TOO_YOUNG;
            case INSUFFICIENT_PASSWORD_QUALITY -> Reason.QUALITY;
            default -> Reason.OTHER;
        };
    }
}
