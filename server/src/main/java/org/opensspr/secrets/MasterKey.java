package org.opensspr.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 256-bit key every other key of the server is derived from. It comes from
 * {@code sspr.secret-key} (base64; required when several nodes share one database, since they
 * must agree on it) or from {@code <data-dir>/keys/master.key}, created on first start with
 * owner-only permissions. Losing it makes stored codes unverifiable and pending notifications
 * undecryptable, nothing more: no user password depends on it.
 */
public final class MasterKey {

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

    private final byte[] key;

    private MasterKey(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException(
                    "the secret key must be at least 256 bits (32 bytes), got " + key.length);
        }
        this.key = key.clone();
    }

    /** The configured key (base64), or null to use (and if needed create) the key file. */
    public static MasterKey load(String configured, Path keyFolder) {
        return load(configured, keyFolder, null);
    }

    /**
     * As {@link #load(String, Path)}, but never creates a key file when {@code lostKey} is not null:
     * the installation had a key, so a missing file is lost state, and a new key would make every
     * sealed secret unreadable. Then {@code lostKey} is thrown instead.
     */
    static MasterKey load(String configured, Path keyFolder, RuntimeException lostKey) {
        if (configured != null && !configured.isBlank()) {
            try {
                return new MasterKey(Base64.getDecoder().decode(configured.trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("sspr.secret-key is not valid base64 of 32 or more bytes", e);
            }
        }
        Path file = keyFolder.resolve("master.key");
        try {
            if (Files.exists(file)) {
                return new MasterKey(Base64.getDecoder()
                        .decode(Files.readString(file, StandardCharsets.US_ASCII)
                                .trim()));
            }
            if (lostKey != null) {
                throw lostKey;
            }
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            SecretFiles.writeOwnerOnly(file, Base64.getEncoder().encodeToString(fresh));
            log.info(
                    "Created a new secret key in {}; set sspr.secret-key instead when several nodes share a database",
                    file);
            return new MasterKey(fresh);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret key " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The configured key (base64), else the key file; never creates one: for commands that read what
     * the server wrote ({@code sspr-server audit verify}). Throws {@link IllegalStateException} when
     * neither exists.
     */
    public static MasterKey existing(String configured, Path keyFolder) {
        if ((configured == null || configured.isBlank()) && !Files.exists(keyFolder.resolve("master.key"))) {
            throw new IllegalStateException("no secret key: sspr.secret-key is not set and "
                    + keyFolder.resolve("master.key") + " does not exist");
        }
        return load(configured, keyFolder);
    }

    /**
     * Names this key without giving it away: the first 16 bytes of a sub-key for that purpose, in
     * hex. Two keys with the same fingerprint are the same key.
     */
    public String fingerprint() {
        return HexFormat.of().formatHex(derive("fingerprint"), 0, 16);
    }

    /** A sub-key for one purpose, so that no two uses share key material (HMAC-SHA256 as a KDF). */
    public byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(("opensspr/" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
