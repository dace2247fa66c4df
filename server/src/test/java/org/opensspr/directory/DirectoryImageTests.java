package org.opensspr.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFAddChangeRecord;
import com.unboundid.ldif.LDIFChangeRecord;
import com.unboundid.ldif.LDIFDeleteChangeRecord;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFModifyChangeRecord;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replay of journal records over a snapshot. */
class DirectoryImageTests {

    @TempDir
    Path folder;

    private static Entry entry(String... ldif) {
        try {
            return new Entry(ldif);
        } catch (LDIFException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static final Entry BASE = entry("dn: dc=x", "objectClass: domain", "dc: x");
    private static final Entry PEOPLE = entry("dn: ou=people,dc=x", "objectClass: organizationalUnit", "ou: people");
    private static final Entry ANN =
            entry("dn: uid=ann,ou=people,dc=x", "objectClass: account", "uid: ann", "description: first");

    private static byte[] unit(LDIFChangeRecord... records) {
        return DirectoryImage.ldif(List.of(records));
    }

    private DirectoryImage snapshotOf(String name, List<Entry> entries) throws Exception {
        Path file = folder.resolve(name);
        SnapshotFile.write(file, entries);
        return DirectoryImage.load(file, Schema.getDefaultStandardSchema());
    }

    /** Four writes: ann changed, a new ou with a child, the old ou's subtree deleted, ann's ou re-added. */
    private static final List<byte[]> UNITS = List.of(
            unit(new LDIFAddChangeRecord(
                    entry("dn: uid=ann,ou=people,dc=x", "objectClass: account", "uid: ann", "description: second"))),
            unit(
                    new LDIFAddChangeRecord(entry("dn: ou=staff,dc=x", "objectClass: organizationalUnit", "ou: staff")),
                    new LDIFAddChangeRecord(entry("dn: uid=bob,ou=staff,dc=x", "objectClass: account", "uid: bob"))),
            unit(new LDIFDeleteChangeRecord("ou=people,dc=x")),
            unit(new LDIFAddChangeRecord(PEOPLE)));

    @Test
    void anAddPutsTheEntryAsRecordedAndADeleteTakesTheSubtree() throws Exception {
        DirectoryImage image = snapshotOf("s.ldif", List.of(BASE, PEOPLE, ANN));
        image.apply(UNITS.get(0));
        assertThat(image.entries())
                .extracting(e -> e.getAttributeValue("description"))
                .contains("second");

        image.apply(UNITS.get(2));
        assertThat(image.entries())
                .extracting(Entry::getDN)
                .as("ann went with her ou")
                .containsExactly("dc=x");
    }

    @Test
    void replayOverASnapshotThatAlreadyHoldsSomeOfTheChangesEndsInTheSameState() throws Exception {
        DirectoryImage fromOld = snapshotOf("old.ldif", List.of(BASE, PEOPLE, ANN));
        for (byte[] unit : UNITS) {
            fromOld.apply(unit);
        }
        DirectoryImage midway = snapshotOf("old2.ldif", List.of(BASE, PEOPLE, ANN));
        midway.apply(UNITS.get(0));
        midway.apply(UNITS.get(1));
        midway.apply(UNITS.get(2));
        DirectoryImage fromNewer = snapshotOf("newer.ldif", midway.entries());
        for (byte[] unit : UNITS) {
            fromNewer.apply(unit); // the first three again: the rotated journal over the new snapshot
        }

        assertThat(fromNewer.entries()).isEqualTo(fromOld.entries());
        assertThat(fromOld.entries())
                .extracting(Entry::getDN)
                .as("parents before children")
                .containsExactly("dc=x", "ou=people,dc=x", "ou=staff,dc=x", "uid=bob,ou=staff,dc=x");
    }

    @Test
    void aRecordOfAnotherChangeTypeIsNoJournalRecord() throws Exception {
        DirectoryImage image = snapshotOf("s.ldif", List.of(BASE));
        byte[] modify = unit(new LDIFModifyChangeRecord(
                "dc=x", new Modification(ModificationType.REPLACE, "description", "a modify")));

        assertThatThrownBy(() -> image.apply(modify))
                .isInstanceOf(LDIFException.class)
                .hasMessageContaining("only add and delete");
    }
}
