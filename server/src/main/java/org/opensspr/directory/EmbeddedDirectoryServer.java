package org.opensspr.directory;

import com.unboundid.ldap.listener.Base64PasswordEncoderOutputFormatter;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.SaltedMessageDigestInMemoryPasswordEncoder;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedAddResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedDeleteResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedExtendedResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyDNResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyResult;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedRequest;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.opensspr.secrets.SecretFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded demo directory: an UnboundID in-memory LDAP server on 127.0.0.1, persisted to
 * {@code <data-dir>/directory/directory.ldif}. Every successful change (add, modify, delete,
 * rename, password modify) rewrites that file before the client gets its answer: the export goes
 * to a temporary file, is forced to disk and atomically moved over the old one, so a crash leaves
 * the old or the new file, never half of one. Passwords are stored salted-SHA-256, never in clear.
 *
 * <p>Seeded on first start (no LDIF yet) from {@code sspr.directory.embedded.seed} or the demo
 * organisation; later starts load the LDIF and never reseed. The manager password
 * ({@code cn=Directory Manager}) is generated once and kept, owner-readable only, in
 * {@code manager.secret} beside the LDIF, for operators who want {@code ldapmodify}.
 */
final class EmbeddedDirectoryServer implements AutoCloseable {

    static final String MANAGER_DN = "cn=Directory Manager";

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

    private final InMemoryDirectoryServer server;
    private final Path ldif;
    private final String managerPassword;
    private final Object persistLock = new Object();

    private EmbeddedDirectoryServer(Path folder, String baseDn, int port, Path seed) throws Exception {
        this.ldif = folder.resolve("directory.ldif");
        this.managerPassword = managerPassword(folder.resolve("manager.secret"));
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(baseDn);
        config.addAdditionalBindCredentials(MANAGER_DN, managerPassword);
        config.setEqualityIndexAttributes(INDEXED);
        config.setListenerConfigs(
                InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), port, null));
        config.setPasswordEncoders(new SaltedMessageDigestInMemoryPasswordEncoder(
                "{SSHA256}",
                Base64PasswordEncoderOutputFormatter.getInstance(),
                MessageDigest.getInstance("SHA-256"),
                16,
                true,
                true));
        config.addInMemoryOperationInterceptor(new PersistOnChange());
        try (InputStream nis = EmbeddedDirectoryServer.class.getResourceAsStream("/directory/nis-schema.ldif")) {
            config.setSchema(Schema.mergeSchemas(Schema.getDefaultStandardSchema(), Schema.getSchema(nis)));
        }
        this.server = new InMemoryDirectoryServer(config);
        if (Files.exists(ldif)) {
            int entries = server.importFromLDIF(true, ldif.toFile());
            log.info("Embedded directory loaded {} entries from {}", entries, ldif);
        } else {
            int entries = seed(seed);
            persist();
            log.info(
                    "Embedded directory seeded with {} entries from {}",
                    entries,
                    seed == null ? "the demo organisation" : seed);
        }
        server.startListening();
    }

    /** Starts the embedded directory; {@code port} 0 picks a free port. */
    static EmbeddedDirectoryServer start(Path folder, String baseDn, int port, Path seed) {
        try {
            return new EmbeddedDirectoryServer(folder, baseDn, port, seed);
        } catch (LDAPException e) {
            throw new IllegalStateException(
                    "cannot start the embedded directory on 127.0.0.1:" + port + ": " + e.getExceptionMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded directory: " + e.getMessage(), e);
        }
    }

    int port() {
        return server.getListenPort();
    }

    String managerPassword() {
        return managerPassword;
    }

    @Override
    public void close() {
        server.shutDown(true);
    }

    /** Adds the seed through the server, so that clear-text passwords in it are encoded on the way in. */
    private int seed(Path seed) throws IOException, LDAPException, LDIFException {
        int count = 0;
        try (InputStream in = seed == null
                        ? EmbeddedDirectoryServer.class.getResourceAsStream("/directory/demo.ldif")
                        : Files.newInputStream(seed);
                LDIFReader reader = new LDIFReader(in)) {
            Entry entry;
            while ((entry = reader.readEntry()) != null) {
                server.add(entry);
                count++;
            }
        }
        return count;
    }

    private void persist() {
        synchronized (persistLock) {
            try {
                Path tmp = ldif.resolveSibling("directory.ldif.tmp");
                server.exportToLDIF(tmp.toString(), true, true);
                try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                Files.move(tmp, ldif, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | LDAPException e) {
                // The change is applied in memory but not on disk: say so loudly, it would be lost on restart.
                log.error("Embedded directory could not be saved to {}: {}", ldif, e.getMessage(), e);
            }
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

    /** Saves the directory after every successful write operation, before the client is answered. */
    private final class PersistOnChange extends InMemoryOperationInterceptor {

        @Override
        public void processAddResult(InMemoryInterceptedAddResult result) {
            persistIf(result.getResult().getResultCode());
        }

        @Override
        public void processModifyResult(InMemoryInterceptedModifyResult result) {
            persistIf(result.getResult().getResultCode());
        }

        @Override
        public void processDeleteResult(InMemoryInterceptedDeleteResult result) {
            persistIf(result.getResult().getResultCode());
        }

        @Override
        public void processModifyDNResult(InMemoryInterceptedModifyDNResult result) {
            persistIf(result.getResult().getResultCode());
        }

        @Override
        public void processExtendedResult(InMemoryInterceptedExtendedResult result) {
            // Password modify (RFC 3062) changes an entry; WhoAmI and the others change nothing.
            if (PasswordModifyExtendedRequest.PASSWORD_MODIFY_REQUEST_OID.equals(
                    result.getRequest().getOID())) {
                persistIf(result.getResult().getResultCode());
            }
        }

        private void persistIf(ResultCode resultCode) {
            if (ResultCode.SUCCESS.equals(resultCode) && server != null) {
                persist();
            }
        }
    }
}
