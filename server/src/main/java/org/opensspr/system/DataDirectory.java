package org.opensspr.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The folder that holds everything an embedded-defaults server keeps: the H2 database, the
 * embedded directory's LDIF, the keys and the mail outbox ({@code sspr.data-dir}, default
 * {@code ./data}). It holds password hashes, codes waiting in the outbox and the keys, so it is
 * the owner's alone: {@link #secure()} makes it and every folder in it {@code rwx------} and every
 * file {@code rw-------} (on file systems with POSIX permissions), and the folders it creates later
 * are owner-only too.
 */
public record DataDirectory(Path root) {

    private static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    public DataDirectory {
        Objects.requireNonNull(root, "root cannot be null");
        root = root.toAbsolutePath().normalize();
    }

    /** The sub-folder {@code name}, created (owner-only where the file system allows) if missing. */
    public Path folder(String name) {
        Path folder = root.resolve(name);
        try {
            Files.createDirectories(folder);
            restrict(folder, OWNER_FOLDER);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder + ": " + e.getMessage(), e);
        }
        return folder;
    }

    /**
     * Creates the data dir if missing and makes it, and everything already in it, the owner's alone.
     * Symbolic links are left as they are (they are not followed); a file that disappears while the
     * folder is walked (the server is running) is skipped. Returns this.
     */
    public DataDirectory secure() {
        try {
            Files.createDirectories(root);
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : (Iterable<Path>) paths::iterator) {
                    try {
                        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                            restrict(path, OWNER_FOLDER);
                        } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                            restrict(path, OWNER_FILE);
                        }
                    } catch (NoSuchFileException e) {
                        // gone while we walked (a temporary file of the outbox, say): nothing left to secure
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot secure the data dir " + root + ": " + e.getMessage(), e);
        }
        return this;
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }
}
