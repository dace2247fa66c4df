package org.opensspr.directory;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFAddChangeRecord;
import com.unboundid.ldif.LDIFChangeRecord;
import com.unboundid.ldif.LDIFDeleteChangeRecord;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The embedded directory's entries as its files describe them: the snapshot, then the journal's
 * change records applied in order. A journal record states what an entry <em>is</em> after a write,
 * never what the write did, so replay is idempotent and may start from a snapshot that already
 * holds some of the changes:
 *
 * <ul>
 *   <li>{@code changetype: add} puts the entry exactly as recorded (hashed password, operational
 *       attributes and all), replacing any entry at that DN; the entries below it stay;
 *   <li>{@code changetype: delete} removes the entry and everything below it (when a DN is gone,
 *       nothing can be below it).
 * </ul>
 *
 * Entries are kept in DN order, which puts parents before their children.
 */
final class DirectoryImage {

    private final Schema schema;
    private final TreeMap<DN, Entry> entries = new TreeMap<>();

    private DirectoryImage(Schema schema) {
        this.schema = schema;
    }

    /** The entries of the snapshot at {@code snapshot}. */
    static DirectoryImage load(Path snapshot, Schema schema) throws IOException, LDIFException, LDAPException {
        DirectoryImage image = new DirectoryImage(schema);
        try (LDIFReader reader = new LDIFReader(snapshot.toFile())) {
            Entry entry;
            while ((entry = reader.readEntry()) != null) {
                image.put(entry);
            }
        }
        return image;
    }

    /**
     * Applies one journal unit: LDIF add and delete change records.
     *
     * @throws LDIFException when a record is not LDIF or is another change type
     */
    void apply(byte[] unit) throws IOException, LDIFException, LDAPException {
        try (LDIFReader reader = new LDIFReader(new ByteArrayInputStream(unit))) {
            LDIFChangeRecord record;
            while ((record = reader.readChangeRecord(false)) != null) {
                if (record instanceof LDIFAddChangeRecord add) {
                    put(add.getEntryToAdd());
                } else if (record instanceof LDIFDeleteChangeRecord delete) {
                    removeSubtree(new DN(delete.getDN(), schema));
                } else {
                    throw new LDIFException(
                            "the journal holds only add and delete records, not " + record.getChangeType() + " of "
                                    + record.getDN(),
                            0,
                            false);
                }
            }
        }
    }

    /** Every entry, parents before children. */
    List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    int size() {
        return entries.size();
    }

    private void put(Entry entry) throws LDAPException {
        entries.put(new DN(entry.getDN(), schema), entry);
    }

    private void removeSubtree(DN dn) {
        // DN order keeps a subtree together, right after its root.
        Iterator<Map.Entry<DN, Entry>> below =
                entries.tailMap(dn, true).entrySet().iterator();
        while (below.hasNext() && below.next().getKey().isDescendantOf(dn, true)) {
            below.remove();
        }
    }

    /** A unit's payload for tests and for the journal: the records as UTF-8 LDIF. */
    static byte[] ldif(List<LDIFChangeRecord> records) {
        StringBuilder out = new StringBuilder();
        for (LDIFChangeRecord record : records) {
            record.toLDIFString(out, 0);
            out.append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
