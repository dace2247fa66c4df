package org.opensspr.directory;

import com.unboundid.asn1.ASN1Integer;
import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.asn1.ASN1Sequence;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.opensspr.directory.DirectoryRejectedPasswordException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Active Directory and Samba AD. A password is written by replacing {@code unicodePwd} with the
 * password in double quotes, UTF-16LE encoded, which AD accepts only over LDAPS or StartTLS. Where
 * the root DSE lists the password policy hints control ({@value #POLICY_HINTS_OID}, or the older
 * {@value #POLICY_HINTS_DEPRECATED_OID}), it is sent so that AD enforces password history on the
 * reset as on a change. Unlock sets {@code lockoutTime} to 0. Nested groups come from one search
 * with {@code LDAP_MATCHING_RULE_IN_CHAIN} ({@value #IN_CHAIN}).
 *
 * <p>AD refuses a password with constraint violation {@code 0000052D}, which does not say whether
 * length, complexity or history refused it: that is {@link Reason#QUALITY}. Samba adds the rule to
 * its diagnostic, and those are mapped to the precise reason.
 */
final class ActiveDirectoryFlavor implements Flavor {

    /** LDAP_MATCHING_RULE_IN_CHAIN: membership through any number of nested groups. */
    static final String IN_CHAIN = "1.2.840.113556.1.4.1941";
    /** LDAP_SERVER_POLICY_HINTS_OID (Windows Server 2012 and later). */
    static final String POLICY_HINTS_OID = "1.2.840.113556.1.4.2239";
    /** LDAP_SERVER_POLICY_HINTS_DEPRECATED_OID (Windows Server 2008 R2 with the update). */
    static final String POLICY_HINTS_DEPRECATED_OID = "1.2.840.113556.1.4.2066";

    private static final Logger log = LoggerFactory.getLogger(ActiveDirectoryFlavor.class);

    /** Windows FILETIME (100 ns since 1601-01-01) of the Unix epoch. */
    private static final long FILETIME_UNIX_EPOCH = 116_444_736_000_000_000L;

    /** The OID of the policy hints control the server supports, null for none; looked up once. */
    private volatile Optional<String> policyHints;

    @Override
    public Set<String> groupsOf(LDAPConnectionPool pool, String baseDn, String userDn) throws LDAPException {
        Filter filter = Filter.createANDFilter(
                Filter.createEqualityFilter("objectClass", "group"),
                Filter.createExtensibleMatchFilter("member", IN_CHAIN, false, userDn));
        Set<String> names = new LinkedHashSet<>();
        for (SearchResultEntry entry :
                pool.search(baseDn, SearchScope.SUB, filter, "cn").getSearchEntries()) {
            Optional.ofNullable(entry.getAttributeValue("cn")).ifPresent(names::add);
        }
        return names;
    }

    @Override
    public void setPassword(LDAPConnectionPool pool, String dn, String password) throws LDAPException {
        ModifyRequest modify =
                new ModifyRequest(dn, new Modification(ModificationType.REPLACE, "unicodePwd", unicodePwd(password)));
        policyHints(pool).ifPresent(oid -> modify.addControl(policyHintsControl(oid)));
        try {
            pool.modify(modify);
        } catch (LDAPException e) {
            DirectoryRejectedPasswordException refusal = refusal(e);
            if (refusal != null) {
                throw refusal;
            }
            throw e;
        }
    }

    @Override
    public boolean unlock(LDAPConnectionPool pool, String dn) throws LDAPException {
        pool.modify(dn, new Modification(ModificationType.REPLACE, "lockoutTime", "0"));
        return true;
    }

    /** AD keeps the time of the last password change in {@code pwdLastSet} (FILETIME; 0: must change at next logon). */
    @Override
    public Optional<java.time.Instant> passwordChangedAt(LDAPConnectionPool pool, String dn) throws LDAPException {
        SearchResultEntry entry = pool.searchForEntry(dn, SearchScope.BASE, "(objectClass=*)", "pwdLastSet");
        if (entry == null || entry.getAttributeValueAsLong("pwdLastSet") == null) {
            return Optional.empty();
        }
        long fileTime = entry.getAttributeValueAsLong("pwdLastSet");
        if (fileTime <= 0) {
            return Optional.empty();
        }
        long hundredNanos = fileTime - FILETIME_UNIX_EPOCH;
        return Optional.of(
                java.time.Instant.ofEpochSecond(hundredNanos / 10_000_000L, (hundredNanos % 10_000_000L) * 100));
    }

    /** The value of {@code unicodePwd}: the password in double quotes, UTF-16LE. */
    static byte[] unicodePwd(String password) {
        return ('"' + password + '"').getBytes(StandardCharsets.UTF_16LE);
    }

    /** The policy hints control: its value is a BER SEQUENCE { Flags INTEGER } with flag 1, enforce the policy. */
    static Control policyHintsControl(String oid) {
        return new Control(oid, false, new ASN1OctetString(new ASN1Sequence(new ASN1Integer(1)).encode()));
    }

    private Optional<String> policyHints(LDAPConnectionPool pool) throws LDAPException {
        Optional<String> known = policyHints;
        if (known == null) {
            RootDSE root = pool.getRootDSE();
            known = root != null && root.supportsControl(POLICY_HINTS_OID)
                    ? Optional.of(POLICY_HINTS_OID)
                    : root != null && root.supportsControl(POLICY_HINTS_DEPRECATED_OID)
                            ? Optional.of(POLICY_HINTS_DEPRECATED_OID)
                            : Optional.empty();
            log.info(
                    "Active Directory password policy hints control: {}",
                    known.orElse("not supported; a reset does not check the password history"));
            policyHints = known;
        }
        return known;
    }

    /**
     * The refusal a failed {@code unicodePwd} write means, or null when it is no refusal (a
     * connection without TLS, a service account without the Reset Password right...).
     */
    static DirectoryRejectedPasswordException refusal(LDAPException e) {
        String diagnostic = e.getDiagnosticMessage() == null ? "" : e.getDiagnosticMessage();
        String text = diagnostic.toLowerCase(Locale.ROOT);
        boolean constraint = ResultCode.CONSTRAINT_VIOLATION.equals(e.getResultCode()) || text.contains("0000052d");
        if (!constraint) {
            return null;
        }
        Reason reason;
        if (text.contains("too short")) {
            reason = Reason.TOO_SHORT;
        } else if (text.contains("history") || text.contains("already used")) {
            reason = Reason.IN_HISTORY;
        } else if (text.contains("too recently") || text.contains("too young")) {
            reason = Reason.TOO_YOUNG;
        } else {
            // AD's own 0000052D names no rule; Samba's "does not meet the complexity criteria" is complexity.
            reason = Reason.QUALITY;
        }
        return new DirectoryRejectedPasswordException(
                reason, diagnostic.isEmpty() ? e.getResultCode().getName() : diagnostic);
    }
}
