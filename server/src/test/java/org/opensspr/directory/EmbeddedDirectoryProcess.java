package org.opensspr.directory;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The embedded directory alone in a JVM of its own, for {@link EmbeddedDirectoryCrashIntegrationTests}:
 * {@code java -cp ... org.opensspr.directory.EmbeddedDirectoryProcess FOLDER BASE_DN SEED} starts it on
 * a free port, prints {@value #LISTENING} and the port, and runs until killed or until its standard
 * input closes (then it stops cleanly).
 */
public final class EmbeddedDirectoryProcess {

    static final String LISTENING = "embedded directory listening on port ";

    private EmbeddedDirectoryProcess() {}

    public static void main(String[] args) throws IOException {
        EmbeddedDirectoryServer server = EmbeddedDirectoryServer.start(Path.of(args[0]), args[1], 0, Path.of(args[2]));
        System.out.println(LISTENING + server.port());
        System.out.flush();
        while (System.in.read() != -1) {
            // wait for the end of input
        }
        server.close();
    }
}
