package org.opensspr.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * POSIX permissions where the file system has them (Linux), nothing elsewhere (Windows, where the
 * installer's ACLs decide): the state directory, the log, the broker's socket and the sign-in files
 * all set theirs through here.
 */
public final class FilePermissions {

    private FilePermissions() {}

    /** Sets {@code permissions} ({@code rw-------}) on {@code path} when the file system is POSIX. */
    public static void set(Path path, String permissions) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }
}
