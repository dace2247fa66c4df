package org.opensspr.system;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What this installation has had, kept in {@code <data-dir>/installation.properties}
 * ({@code rw-------}), so that a start that finds a store missing or empty can tell a first start
 * from lost state and refuse instead of starting blank: the embedded directory
 * ({@value #EMBEDDED_DIRECTORY}), the database's installation id ({@value #DATABASE}, also stored
 * in the database's {@code installation} table) and the secret key's fingerprint
 * ({@value #SECRET_KEY}: an HMAC of a fixed label under the key, never the key).
 *
 * <p>Each store records itself the first time it starts with data; a data dir without this file
 * (a first start, or one from a version before it) records what it finds. Deleting the file is the
 * operator's way out for a deliberate fresh start: the next start records what is there then.
 * Written atomically (temporary file, then moved over); not thread-safe beyond that, start-up only.
 */
public final class InstallationRecord {

    /** The file's name in the data dir. */
    public static final String FILE = "installation.properties";

    /** Present when the embedded directory has started here. */
    public static final String EMBEDDED_DIRECTORY = "embedded-directory";

    /** The installation id of the database this data dir belongs to. */
    public static final String DATABASE = "database";

    /** The fingerprint of the secret key. */
    public static final String SECRET_KEY = "secret-key-fingerprint";

    private final Path file;
    private final Properties values = new Properties();

    private InstallationRecord(Path file) {
        this.file = file;
    }

    /** Reads the record of {@code dataDirectory} (empty when there is none yet). */
    public static InstallationRecord of(DataDirectory dataDirectory) {
        InstallationRecord record = new InstallationRecord(dataDirectory.root().resolve(FILE));
        if (Files.exists(record.file)) {
            try (Reader in = Files.newBufferedReader(record.file, StandardCharsets.UTF_8)) {
                record.values.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + record.file + ": " + e.getMessage(), e);
            }
        }
        return record;
    }

    /** The file, for messages. */
    public Path file() {
        return file;
    }

    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key));
    }

    public boolean has(String key) {
        return get(key).isPresent();
    }

    /** Records {@code key=value}, writing the file when it changes. */
    public synchronized void put(String key, String value) {
        Objects.requireNonNull(value, "value cannot be null");
        if (value.equals(values.getProperty(key))) {
            return;
        }
        values.setProperty(key, value);
        StringWriter text = new StringWriter();
        text.append("# What this OpenSSPR installation has had: a start that finds one of these missing, empty or\n")
                .append(
                        "# different refuses. Delete this file only to start afresh on purpose (README, Operations).\n");
        new TreeMap<>(values)
                .forEach((k, v) -> text.append(k.toString())
                        .append('=')
                        .append(v.toString())
                        .append('\n'));
        try {
            Path tmp = Files.createTempFile(file.getParent(), FILE, ".tmp");
            if (Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(tmp, text.toString(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The sentence every refusal ends with: how to start afresh on purpose. */
    public String freshStart(String consequence) {
        return "To start afresh on purpose (" + consequence + "), delete " + file + ".";
    }
}
