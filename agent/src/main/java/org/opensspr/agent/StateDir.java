package org.opensspr.agent;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The agent's state directory: {@code device.properties} (the device credential),
 * {@code configuration.json} (the effective configuration from the last {@code sync}),
 * {@code agent.properties} (settings such as verbose logging) and {@code agent.log}. On POSIX file
 * systems the directory is created {@code rwx------} and every file {@code rw-------}, written to a
 * temporary file and moved into place so a reader never sees half a file. On Windows the
 * directory under {@code %ProgramData%} inherits its ACL; the installer restricts it.
 */
final class StateDir {

    static final String DEVICE = "device.properties";
    static final String CONFIGURATION = "configuration.json";
    static final String SETTINGS = "agent.properties";
    static final String LOG = "agent.log";

    private final Path dir;

    StateDir(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** {@code %ProgramData%\OpenSSPR} on Windows, {@code /var/lib/sspr-agent} elsewhere. */
    static Path defaultPath() {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            String programData = System.getenv("ProgramData");
            return Paths.get(programData == null ? "C:\\ProgramData" : programData, "OpenSSPR");
        }
        return Paths.get("/var/lib/sspr-agent");
    }

    Path dir() {
        return dir;
    }

    Path file(String name) {
        return dir.resolve(name);
    }

    /** The stored credential, or empty when the device has not joined. */
    Optional<DeviceCredential> credential() {
        Optional<Properties> properties = properties(DEVICE);
        if (properties.isEmpty()) {
            return Optional.empty();
        }
        Properties p = properties.get();
        String server = p.getProperty("server");
        String id = p.getProperty("deviceId");
        String secret = p.getProperty("deviceSecret");
        if (server == null || id == null || secret == null) {
            throw new AgentException(AgentException.USAGE, file(DEVICE) + " is incomplete; join the device again");
        }
        AgentLog.secret(secret);
        return Optional.of(new DeviceCredential(URI.create(server), id, secret));
    }

    void saveCredential(DeviceCredential credential) {
        Properties p = new Properties();
        p.setProperty("server", credential.server().toString());
        p.setProperty("deviceId", credential.deviceId());
        p.setProperty("deviceSecret", credential.deviceSecret());
        saveProperties(DEVICE, p, "OpenSSPR device credential: keep secret");
    }

    /** The effective configuration cached by the last {@code sync}, as JSON text, or empty. */
    Optional<String> configuration() {
        Path file = file(CONFIGURATION);
        try {
            return Files.isRegularFile(file)
                    ? Optional.of(Files.readString(file, StandardCharsets.UTF_8))
                    : Optional.empty();
        } catch (IOException e) {
            throw new AgentException(AgentException.USAGE, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    void saveConfiguration(String json) {
        write(CONFIGURATION, json);
    }

    boolean verbose() {
        return properties(SETTINGS)
                .map(p -> Boolean.parseBoolean(p.getProperty("verbose", "false")))
                .orElse(false);
    }

    void saveVerbose(boolean verbose) {
        Properties p = properties(SETTINGS).orElseGet(Properties::new);
        p.setProperty("verbose", Boolean.toString(verbose));
        saveProperties(SETTINGS, p, "OpenSSPR agent settings");
    }

    /** Creates the directory (owner-only on POSIX) when it does not exist yet. */
    void create() {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                posix(dir, "rwx------");
            }
        } catch (IOException e) {
            throw new AgentException(
                    AgentException.USAGE, "cannot create the state directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private Optional<Properties> properties(String name) {
        Path file = file(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (Reader in = new StringReader(Files.readString(file, StandardCharsets.UTF_8))) {
            Properties p = new Properties();
            p.load(in);
            return Optional.of(p);
        } catch (IOException e) {
            throw new AgentException(AgentException.USAGE, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private void saveProperties(String name, Properties p, String comment) {
        StringWriter out = new StringWriter();
        try {
            p.store(out, comment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write(name, out.toString());
    }

    private void write(String name, String content) {
        create();
        Path target = file(name);
        try {
            Path temp = Files.createTempFile(dir, name, ".tmp");
            try {
                posix(temp, "rw-------");
                Files.writeString(temp, content, StandardCharsets.UTF_8);
                try {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new AgentException(AgentException.USAGE, "cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    static void posix(Path path, String permissions) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }
}
