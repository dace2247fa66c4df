package org.opensspr.agent.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.opensspr.agent.FilePermissions;

/**
 * How {@code install} writes a system file, for the text sign-in ({@link LinuxSignIn}) and the
 * greeter ({@link LinuxGreeter}) alike: idempotent (a file with the right content is left alone and
 * not reported), with its permissions set either way.
 */
final class SystemFiles {

    private SystemFiles() {}

    /** Writes {@code content} to {@code relative} under {@code root} unless it is there; says so in {@code done}. */
    static void write(Path root, String relative, String content, String permissions, List<String> done)
            throws IOException {
        Path file = root.resolve(relative);
        if (!Files.isRegularFile(file)
                || !Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            done.add("wrote /" + relative);
        }
        FilePermissions.set(file, permissions);
    }
}
