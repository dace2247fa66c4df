package org.opensspr.directory;

import com.unboundid.ldap.listener.Base64PasswordEncoderOutputFormatter;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryRequestHandler;
import com.unboundid.ldap.listener.LDAPListener;
import com.unboundid.ldap.listener.LDAPListenerConfig;
import com.unboundid.ldap.listener.SaltedMessageDigestInMemoryPasswordEncoder;
import com.unboundid.ldap.listener.TransactionExtendedOperationHandler;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.schema.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.opensspr.secrets.SecretFiles;
import org.opensspr.system.StartRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded demo directory: UnboundID's in-memory LDAP server on 127.0.0.1, persisted in
 * {@code <data-dir>/directory/} as a snapshot, {@code directory.ldif}, and an append-only journal
 * of the changes since, {@code directory.journal}. Every successful change (add, modify, delete,
 * rename, Password Modify) is in the journal and forced to disk before the client gets its answer
 * ({@link JournalingRequestHandler}); concurrent writers share one fsync ({@link DirectoryJournal}).
 * At start the journal is replayed over the snapshot and a new snapshot written
 * ({@link DirectoryRecovery}); while running, a background {@link DirectoryCompaction} does the
 * same once the journal is as large as the snapshot. Passwords are stored salted-SHA-256, never in
 * clear. Lookups by {@link #INDEXED} attributes use equality indexes instead of scanning every entry.
 *
 * <p>Seeded on first start (no snapshot yet) from {@code sspr.directory.embedded.seed} or the demo
 * organisation; later starts never reseed. The manager password ({@code cn=Directory Manager}) is
 * generated once and kept, owner-readable only, in {@code manager.secret} beside the snapshot, for
 * operators who want {@code ldapmodify}.
 */
final class EmbeddedDirectoryServer implements AutoCloseable {

    static final String MANAGER_DN = "cn=Directory Manager";
    static final String SNAPSHOT = "directory.ldif";
    static final String JOURNAL = "directory.journal";
    static final String ROTATED = "directory.journal.1";

    /** The least journal size that starts a compaction; above it, the snapshot's size does. */
    static final long COMPACTION_BYTES = 8L << 20;

    /**
     * The attributes the server looks entries up by, indexed for equality: the login ({@code uid}),
     * the contact attributes, group names ({@code LdapDirectory.membersOf}) and membership
     * ({@code OpenLdapFlavor.groupsOf}). UnboundID's in-memory server answers an AND from the
     * intersection of its indexed equality parts and checks the whole filter on those candidates
     * only; an OR uses the index only when every part is indexed. {@code objectClass} is left out
     * on purpose: it matches most entries, and the AND would copy and intersect that whole set.
     */
    static final List<String> INDEXED = List.of("uid", "mail", "mobile", "cn", "member", "uniqueMember");

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDirectoryServer.class);

    private final String managerPassword;
    private final DirectoryJournal journal;
    private final DirectoryCompaction compaction;
    private final LDAPListener listener;

    private EmbeddedDirectoryServer(Path folder, String baseDn, int port, Path seed, long compactionBytes)
            throws Exception {
        this.managerPassword = managerPassword(folder.resolve("manager.secret"));
        InMemoryRequestHandler directory = new InMemoryRequestHandler(config(baseDn, managerPassword));
        JournalRecords records = new JournalRecords(directory.getSchema(), directory.getBaseDNs());
        long snapshotBytes = DirectoryRecovery.recover(folder, directory, records, seed);
        this.journal = DirectoryJournal.create(folder.resolve(JOURNAL));
        this.compaction = new DirectoryCompaction(
                journal,
                folder.resolve(SNAPSHOT),
                folder.resolve(ROTATED),
                () -> records.everyEntry(directory),
                compactionBytes,
                snapshotBytes);
        JournalingRequestHandler handler = new JournalingRequestHandler(
                directory,
                new JournalingRequestHandler.Shared(journal, new ReentrantLock(), records, compaction::maybeStart));
        LDAPListenerConfig listenerConfig = new LDAPListenerConfig(port, handler);
        listenerConfig.setListenAddress(InetAddress.getLoopbackAddress());
        this.listener = new LDAPListener(listenerConfig);
        try {
            listener.startListening();
        } catch (IOException e) {
            closeQuietly();
            throw e;
        }
    }

    /** Starts the embedded directory; {@code port} 0 picks a free port. */
    static EmbeddedDirectoryServer start(Path folder, String baseDn, int port, Path seed) {
        return start(folder, baseDn, port, seed, COMPACTION_BYTES);
    }

    /** As {@link #start(Path, String, int, Path)}, compacting once the journal reaches {@code compactionBytes}. */
    static EmbeddedDirectoryServer start(Path folder, String baseDn, int port, Path seed, long compactionBytes) {
        try {
            return new EmbeddedDirectoryServer(folder, baseDn, port, seed, compactionBytes);
        } catch (StartRefusedException e) {
            throw e;
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot start the embedded directory: " + e.getExceptionMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot start the embedded directory on 127.0.0.1:" + port + " in " + folder + ": "
                            + e.getMessage(),
                    e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded directory: " + e.getMessage(), e);
        }
    }

    private static InMemoryDirectoryServerConfig config(String baseDn, String managerPassword) throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(baseDn);
        config.addAdditionalBindCredentials(MANAGER_DN, managerPassword);
        config.setEqualityIndexAttributes(INDEXED);
        config.setPasswordEncoders(new SaltedMessageDigestInMemoryPasswordEncoder(
                "{SSHA256}",
                Base64PasswordEncoderOutputFormatter.getInstance(),
                MessageDigest.getInstance("SHA-256"),
                16,
                true,
                true));
        // LDAP transactions (RFC 5805) apply their writes at commit, out of the journal's sight: not offered.
        config.getExtendedOperationHandlers().removeIf(TransactionExtendedOperationHandler.class::isInstance);
        try (InputStream nis = EmbeddedDirectoryServer.class.getResourceAsStream("/directory/nis-schema.ldif")) {
            config.setSchema(Schema.mergeSchemas(Schema.getDefaultStandardSchema(), Schema.getSchema(nis)));
        }
        return config;
    }

    int port() {
        return listener.getListenPort();
    }

    String managerPassword() {
        return managerPassword;
    }

    /** How many background compactions completed since start. */
    long compactions() {
        return compaction.completed();
    }

    /** Stops listening, lets a running compaction finish and closes the journal. */
    @Override
    public void close() {
        listener.shutDown(true);
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            compaction.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            journal.close();
        } catch (IOException e) {
            log.error("Embedded directory journal could not be closed: {}", e.getMessage(), e);
        }
    }

    private static String managerPassword(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        }
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        SecretFiles.writeOwnerOnly(file, password);
        return password;
    }
}
