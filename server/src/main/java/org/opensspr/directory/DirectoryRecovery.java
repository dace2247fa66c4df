package org.opensspr.directory;

import com.unboundid.ldap.listener.InMemoryRequestHandler;
import com.unboundid.ldap.sdk.AddRequest;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opensspr.system.InstallationRecord;
import org.opensspr.system.StartRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up of the embedded directory's folder. On the first start (no snapshot) the directory is
 * seeded and a snapshot written; later starts never reseed. Otherwise the snapshot is loaded, the
 * rotated journal (left by a compaction that did not finish) and the journal are replayed over it
 * ({@link DirectoryImage}), the result becomes the new snapshot and the journals are removed, so
 * the server starts with an empty journal.
 *
 * <p>A torn unit at the end of the newest journal was never acknowledged: it is dropped with a
 * warning that says how many bytes. Damage anywhere else, or a journal without a snapshot, stops
 * start-up with an error that names the file ({@link JournalFrames}).
 */
final class DirectoryRecovery {

    private static final Logger log = LoggerFactory.getLogger(DirectoryRecovery.class);

    private DirectoryRecovery() {}

    /**
     * Fills {@code directory} from {@code folder} (or the seed) and leaves the folder with a
     * snapshot and no journal.
     *
     * @param seed the LDIF to seed from on the first start, or null for the demo organisation
     * @return the snapshot's size in bytes
     */
    static long recover(Path folder, InMemoryRequestHandler directory, JournalRecords records, Path seed)
            throws IOException, LDAPException, LDIFException {
        Path snapshot = folder.resolve(EmbeddedDirectoryServer.SNAPSHOT);
        Path journal = folder.resolve(EmbeddedDirectoryServer.JOURNAL);
        Path rotated = folder.resolve(EmbeddedDirectoryServer.ROTATED);
        if (!Files.exists(snapshot)) {
            if (Files.exists(journal) || Files.exists(rotated)) {
                throw new IllegalStateException(folder + " holds a journal but no snapshot " + snapshot
                        + ": refusing to start (and never reseeding over changes); restore the folder from a backup,"
                        + " or move it away to start again from the seed");
            }
            int count = seed(directory, seed);
            long bytes = SnapshotFile.write(snapshot, records.everyEntry(directory));
            log.info(
                    "Embedded directory seeded with {} entries from {}",
                    count,
                    seed == null ? "the demo organisation" : seed);
            return bytes;
        }
        DirectoryImage image = DirectoryImage.load(snapshot, directory.getSchema());
        if (image.size() == 0) {
            throw new StartRefusedException(
                    "the embedded directory's snapshot " + snapshot + " holds no entries, not even the base entry",
                    "Restore " + folder + " from a backup. To start afresh on purpose (seeded again), move the folder"
                            + " away and delete "
                            + folder.toAbsolutePath().getParent().resolve(InstallationRecord.FILE)
                            + ".");
        }
        boolean active = Files.exists(journal);
        int units = 0;
        if (Files.exists(rotated)) {
            units += replay(image, rotated, !active);
        }
        if (active) {
            units += replay(image, journal, true);
        }
        for (Entry entry : image.entries()) {
            directory.addEntry(entry, true); // true: keep the recorded operational attributes
        }
        long bytes = SnapshotFile.write(snapshot, image.entries());
        Files.deleteIfExists(rotated);
        Files.deleteIfExists(journal);
        SnapshotFile.forceDirectory(folder);
        log.info("Embedded directory loaded {} entries from {} and {} journal units", image.size(), snapshot, units);
        return bytes;
    }

    private static int replay(DirectoryImage image, Path journal, boolean tornTailAllowed)
            throws IOException, LDAPException {
        JournalFrames.Read read = JournalFrames.read(journal, tornTailAllowed);
        for (byte[] unit : read.units()) {
            try {
                image.apply(unit);
            } catch (LDIFException e) {
                throw new IllegalStateException(
                        "the embedded directory's journal " + journal + " holds a unit that is not a journal record: "
                                + e.getMessage(),
                        e);
            }
        }
        if (read.droppedBytes() > 0) {
            log.warn(
                    "Embedded directory journal {} ended in an incomplete unit: dropped its last {} bytes, changes"
                            + " that were being saved when the server stopped and were never acknowledged",
                    journal,
                    read.droppedBytes());
        }
        return read.units().size();
    }

    /** Adds the seed through the directory, so that clear-text passwords in it are hashed on the way in. */
    private static int seed(InMemoryRequestHandler directory, Path seed)
            throws IOException, LDAPException, LDIFException {
        int count = 0;
        try (InputStream in = seed == null
                        ? DirectoryRecovery.class.getResourceAsStream("/directory/demo.ldif")
                        : Files.newInputStream(seed);
                LDIFReader reader = new LDIFReader(in)) {
            Entry entry;
            while ((entry = reader.readEntry()) != null) {
                directory.add(new AddRequest(entry));
                count++;
            }
        }
        return count;
    }
}
