package org.opensspr.directory;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldif.LDIFWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded directory's snapshot, {@code directory.ldif}: every entry as LDIF, with its hashed
 * password and its operational attributes, parents before children. Replaced atomically: written
 * to {@code directory.ldif.tmp}, forced to disk, moved over the old file, and the folder forced, so
 * a crash leaves the old snapshot or the new one, never half of one.
 */
final class SnapshotFile {

    private static final Logger log = LoggerFactory.getLogger(SnapshotFile.class);

    private SnapshotFile() {}

    /** Replaces {@code snapshot} with {@code entries}; returns the new file's size in bytes. */
    static long write(Path snapshot, Iterable<? extends Entry> entries) throws IOException {
        Path tmp = snapshot.resolveSibling(snapshot.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(
                tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            LDIFWriter writer = new LDIFWriter(out);
            for (Entry entry : entries) {
                writer.writeEntry(entry);
            }
            writer.flush();
            channel.force(true);
        }
        Files.move(tmp, snapshot, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory(snapshot.toAbsolutePath().getParent());
        return Files.size(snapshot);
    }

    /**
     * Forces {@code folder} to disk, so that a file created, renamed or deleted in it stays so
     * after a power loss. Some systems (Windows) cannot open a folder: there the rename is as
     * durable as the system makes it, and this logs at debug.
     */
    static void forceDirectory(Path folder) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(folder, StandardOpenOption.READ);
        } catch (IOException e) {
            if (!Files.isDirectory(folder)) {
                throw e;
            }
            log.debug("Cannot open the folder {} to force it to disk on this system: {}", folder, e.getMessage());
            return;
        }
        try (channel) {
            channel.force(true);
        }
    }
}
