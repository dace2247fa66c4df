package org.opensspr.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTests {

    @TempDir
    Path tmp;

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void securingMakesTheDataDirAndEverythingInItTheOwnersAlone() throws Exception {
        Path root = tmp.resolve("data");
        Path db = Files.createDirectories(root.resolve("db"));
        Path file = Files.writeString(db.resolve("sspr.mv.db"), "x");
        Path outbox = Files.writeString(
                Files.createDirectories(root.resolve("outbox")).resolve("1.eml"), "code");
        for (Path path : new Path[] {root, db, root.resolve("outbox")}) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(outbox, PosixFilePermissions.fromString("rw-rw-rw-"));

        new DataDirectory(root).secure();

        assertThat(permissions(root)).isEqualTo("rwx------");
        assertThat(permissions(db)).isEqualTo("rwx------");
        assertThat(permissions(file)).isEqualTo("rw-------");
        assertThat(permissions(outbox)).isEqualTo("rw-------");
    }

    @Test
    void aMissingDataDirIsCreatedOwnerOnlyAndSoAreItsFolders() throws Exception {
        DataDirectory data = new DataDirectory(tmp.resolve("new")).secure();

        assertThat(permissions(data.root())).isEqualTo("rwx------");
        assertThat(permissions(data.folder("breached"))).isEqualTo("rwx------");
    }
}
