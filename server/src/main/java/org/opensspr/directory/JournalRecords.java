package org.opensspr.directory;

import com.unboundid.ldap.listener.InMemoryRequestHandler;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.ReadOnlyEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFAddChangeRecord;
import com.unboundid.ldif.LDIFChangeRecord;
import com.unboundid.ldif.LDIFDeleteChangeRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * The journal records of a write, read from the in-memory directory right after the write was
 * applied: what the entries it touched now are ({@link DirectoryImage} says how they replay).
 */
final class JournalRecords {

    private static final Filter EVERY_ENTRY = Filter.createPresenceFilter("objectClass");

    private final Schema schema;
    private final List<DN> baseDns;

    JournalRecords(Schema schema, List<DN> baseDns) {
        this.schema = schema;
        this.baseDns = List.copyOf(baseDns);
    }

    DN dn(String dn) throws LDAPException {
        return new DN(dn, schema);
    }

    /** Whether entries at {@code dn} are kept in the snapshot and the journal: under a base DN. */
    boolean isKept(DN dn) {
        for (DN base : baseDns) {
            if (dn.isDescendantOf(base, true)) {
                return true;
            }
        }
        return false;
    }

    /** The entry at {@code dn} as it is now (add, modify, Password Modify), or its deletion. */
    byte[] entryAt(InMemoryRequestHandler directory, DN dn) {
        ReadOnlyEntry entry = directory.getEntry(dn);
        return DirectoryImage.ldif(
                List.of(entry == null ? new LDIFDeleteChangeRecord(dn.toString()) : new LDIFAddChangeRecord(entry)));
    }

    /**
     * After a modify DN of {@code oldDn}: the old subtree deleted, then what is at the old DN now
     * (nothing, normally) and the whole subtree at the new DN, parents first.
     */
    byte[] renamed(InMemoryRequestHandler directory, DN oldDn, String newRdn, String newSuperior) throws LDAPException {
        DN parent = newSuperior == null ? oldDn.getParent() : dn(newSuperior);
        DN newDn = new DN(new RDN(newRdn, schema), parent);
        List<LDIFChangeRecord> records = new ArrayList<>();
        records.add(new LDIFDeleteChangeRecord(oldDn.toString()));
        for (DN at : List.of(oldDn, newDn)) {
            if (directory.getEntry(at) != null) {
                for (ReadOnlyEntry entry : directory.search(at.toString(), SearchScope.SUB, EVERY_ENTRY)) {
                    records.add(new LDIFAddChangeRecord(entry));
                }
            }
        }
        return DirectoryImage.ldif(records);
    }

    /** Every entry under the base DNs, parents first: what a snapshot holds. */
    List<ReadOnlyEntry> everyEntry(InMemoryRequestHandler directory) throws LDAPException {
        List<ReadOnlyEntry> entries = new ArrayList<>();
        for (DN base : baseDns) {
            if (directory.getEntry(base) != null) {
                entries.addAll(directory.search(base.toString(), SearchScope.SUB, EVERY_ENTRY));
            }
        }
        return entries;
    }
}
