package org.opensspr.agent.device;

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
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.opensspr.agent.AgentException;
import org.opensspr.agent.AgentLog;
import org.opensspr.agent.ExitCode;
import org.opensspr.agent.FilePermissions;
import org.opensspr.readiness.OmaUris;

/**
 * The agent's state directory: {@code device.properties} (the device credential),
 * {@code configuration.json} (the effective configuration from the last {@code sync}),
 * {@code agent.properties} (settings such as verbose logging) and {@code agent.log}. On POSIX file
 * systems the directory is created {@code rwx------} and every file {@code rw-------}, written to a
 * temporary file and moved into place so a reader never sees half a file. On Windows the
 * directory under {@code %ProgramData%} inherits its ACL; the installer restricts it.
 *
 * <p>It is the one reader and writer of these files: every command, the broker and the sign-in
 * screen read the device's credential and configuration here and nowhere else.
 */
public final class StateDir {

    public static final String DEVICE = "device.properties";
    public static final String CONFIGURATION = "configuration.json";
    public static final String SETTINGS = "agent.properties";
    public static final String LOG = "agent.log";

    private final Path dir;

    public StateDir(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** {@code %ProgramData%\OpenSSPR} on Windows, {@code /var/lib/sspr-agent} elsewhere. */
    public static Path defaultPath() {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            String programData = System.getenv("ProgramData");
            return Paths.get(programData == null ? "C:\\ProgramData" : programData, "OpenSSPR");
        }
        return Paths.get("/var/lib/sspr-agent");
    }

    public Path dir() {
        return dir;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    /** The stored credential, or empty when the device has not joined. */
    public Optional<DeviceCredential> credential() {
        Optional<Properties> properties = properties(DEVICE);
        if (properties.isEmpty()) {
            return Optional.empty();
        }
        Properties p = properties.get();
        String server = p.getProperty("server");
        String id = p.getProperty("deviceId");
        String secret = p.getProperty("deviceSecret");
        if (server == null || id == null || secret == null || server.isBlank() || id.isBlank() || secret.isBlank()) {
            throw new AgentException(
                    ExitCode.NOT_JOINED,
                    file(DEVICE) + " is incomplete (server, deviceId, deviceSecret): join the device again");
        }
        AgentLog.secret(secret.strip());
        URI uri;
        try {
            uri = URI.create(server.strip());
        } catch (IllegalArgumentException e) {
            throw new AgentException(
                    ExitCode.NOT_JOINED, file(DEVICE) + " holds no valid server address: join the device again");
        }
        return Optional.of(new DeviceCredential(uri, id.strip(), secret.strip()));
    }

    /** The stored credential; {@link ExitCode#NOT_JOINED} when the device has not joined. */
    public DeviceCredential requireCredential() {
        return credential()
                .orElseThrow(() -> new AgentException(
                        ExitCode.NOT_JOINED,
                        "This device has not joined the reset service yet (" + file(DEVICE)
                                + " is missing): run 'sspr-agent join --server URL --token T' first."));
    }

    /** Forgets the credential (before a re-join); the configuration of the old device goes with it. */
    public void forgetCredential() {
        try {
            Files.deleteIfExists(file(DEVICE));
            Files.deleteIfExists(file(CONFIGURATION));
        } catch (IOException e) {
            throw new AgentException(ExitCode.USAGE, "cannot remove " + file(DEVICE) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether reset from the sign-in screen is enabled: the configuration cached by the last
     * {@code sync} sets {@code ./Vendor/MSFT/Policy/Config/Authentication/AllowAadPasswordReset} (or its
     * {@code ./Device/Vendor/...} form) to 1. Without a cached configuration it is not.
     */
    public boolean resetEnabled() {
        String wanted = OmaUris.key(OmaUris.ALLOW_PASSWORD_RESET);
        return DeviceStates.settings(configuration().orElse(null)).entrySet().stream()
                .filter(setting -> wanted.equals(OmaUris.key(setting.getKey())))
                .anyMatch(setting -> String.valueOf(setting.getValue()).strip().equals("1"));
    }

    public void saveCredential(DeviceCredential credential) {
        Properties p = new Properties();
        p.setProperty("server", credential.server().toString());
        p.setProperty("deviceId", credential.deviceId());
        p.setProperty("deviceSecret", credential.deviceSecret());
        saveProperties(DEVICE, p, "OpenSSPR device credential: keep secret");
    }

    /** The effective configuration cached by the last {@code sync}, as JSON text, or empty. */
    public Optional<String> configuration() {
        Path file = file(CONFIGURATION);
        try {
            return Files.isRegularFile(file)
                    ? Optional.of(Files.readString(file, StandardCharsets.UTF_8))
                    : Optional.empty();
        } catch (IOException e) {
            throw new AgentException(ExitCode.USAGE, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public void saveConfiguration(String json) {
        write(CONFIGURATION, json);
    }

    public boolean verbose() {
        return properties(SETTINGS)
                .map(p -> Boolean.parseBoolean(p.getProperty("verbose", "false")))
                .orElse(false);
    }

    public void saveVerbose(boolean verbose) {
        Properties p = properties(SETTINGS).orElseGet(Properties::new);
        p.setProperty("verbose", Boolean.toString(verbose));
        saveProperties(SETTINGS, p, "OpenSSPR agent settings");
    }

    /** Creates the directory (owner-only on POSIX) when it does not exist yet. */
    public void create() {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                FilePermissions.set(dir, "rwx------");
            }
        } catch (IOException e) {
            throw new AgentException(
                    ExitCode.USAGE, "cannot create the state directory " + dir + ": " + e.getMessage(), e);
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
            throw new AgentException(ExitCode.USAGE, "cannot read " + file + ": " + e.getMessage(), e);
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
                FilePermissions.set(temp, "rw-------");
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
            throw new AgentException(ExitCode.USAGE, "cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
