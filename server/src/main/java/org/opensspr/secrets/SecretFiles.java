package org.opensspr.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Files that hold a secret: readable by the owner only, and never seen half-written. */
public final class SecretFiles {

    private SecretFiles() {}

    /**
     * Writes {@code secret} to {@code file}: into a new owner-only ({@code rw-------}) file beside
     * it, then moved into place atomically. On a non-POSIX file system the folder's ACL applies.
     */
    public static void writeOwnerOnly(Path file, String secret) throws IOException {
        Path tmp = Files.createTempFile(
                file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the folder's ACL applies
        }
        Files.writeString(tmp, secret, StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    }
}
