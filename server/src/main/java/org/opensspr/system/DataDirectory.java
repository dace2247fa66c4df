package org.opensspr.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The folder that holds everything an embedded-defaults server keeps: the H2 database, the
 * embedded directory's LDIF, the keys and the mail outbox ({@code sspr.data-dir}, default
 * {@code ./data}).
 */
public record DataDirectory(Path root) {

    public DataDirectory {
        Objects.requireNonNull(root, "root cannot be null");
        root = root.toAbsolutePath().normalize();
    }

    /** The sub-folder {@code name}, created (owner-only where the file system allows) if missing. */
    public Path folder(String name) {
        Path folder = root.resolve(name);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder + ": " + e.getMessage(), e);
        }
        return folder;
    }
}
