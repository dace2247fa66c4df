package org.opensspr.directory;

import com.unboundid.ldap.sdk.GetEntryLDAPConnectionPoolHealthCheck;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import javax.net.SocketFactory;
import org.opensspr.system.DataDirectory;
import org.opensspr.system.InstallationRecord;
import org.opensspr.system.StartRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Chooses the directory: the real one at {@code sspr.directory.url}, or the embedded one when no
 * URL is set. Either way the rest of the server talks LDAP to it through the same pool.
 */
@Configuration(proxyBeanMethods = false)
class DirectoryConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DirectoryConfiguration.class);
    private static final int MAX_CONNECTIONS = 10;

    @Bean(destroyMethod = "close")
    LdapDirectory directory(
            DirectoryProperties properties,
            DataDirectory dataDirectory,
            InstallationRecord record,
            Environment environment,
            MeterRegistry registry)
            throws GeneralSecurityException {
        DirectoryTimers timers = new DirectoryTimers(registry);
        if (properties.url() == null) {
            DemoDirectoryExposure.check(properties, environment.getProperty("server.address", ""));
            Path folder = dataDirectory.folder("directory");
            if (record.has(InstallationRecord.EMBEDDED_DIRECTORY)
                    && !Files.exists(folder.resolve(EmbeddedDirectoryServer.SNAPSHOT))) {
                throw new StartRefusedException(
                        "the embedded directory's " + folder.resolve(EmbeddedDirectoryServer.SNAPSHOT)
                                + " is missing, but this installation's embedded directory was there",
                        "Restore " + folder + " from a backup, or set sspr.directory.url if the directory is a"
                                + " real one now. "
                                + record.freshStart("the embedded directory is seeded again, users' passwords"
                                        + " and changes are lost"));
            }
            EmbeddedDirectoryServer embedded = EmbeddedDirectoryServer.start(
                    folder,
                    properties.baseDn(),
                    properties.embedded().port(),
                    properties.embedded().seed());
            record.put(InstallationRecord.EMBEDDED_DIRECTORY, "yes");
            log.info(
                    "Embedded directory listening on ldap://127.0.0.1:{} (base {})",
                    embedded.port(),
                    properties.baseDn());
            try {
                return new LdapDirectory(
                        pool(
                                "127.0.0.1",
                                embedded.port(),
                                SocketFactory.getDefault(),
                                null,
                                EmbeddedDirectoryServer.MANAGER_DN,
                                embedded.managerPassword(),
                                properties.baseDn()),
                        properties.baseDn(),
                        embedded,
                        timers);
            } catch (RuntimeException e) {
                embedded.close();
                throw e;
            }
        }
        URI url = properties.url();
        boolean ldaps = "ldaps".equals(url.getScheme());
        int port = url.getPort() > 0 ? url.getPort() : (ldaps ? 636 : 389);
        SocketFactory sockets = ldaps ? tls(properties).createSSLSocketFactory() : SocketFactory.getDefault();
        PostConnectProcessor startTls = properties.startTls()
                ? new StartTLSPostConnectProcessor(tls(properties).createSSLSocketFactory())
                : null;
        Flavor flavor = properties.kind() == DirectoryProperties.DirectoryFlavor.AD
                ? new ActiveDirectoryFlavor()
                : new OpenLdapFlavor();
        log.info(
                "Directory: {}{} as {} (flavor {}, users {} by {})",
                url,
                properties.startTls() ? " with StartTLS" : "",
                properties.bindDn(),
                properties.flavor(),
                properties.userFilter(),
                properties.loginAttributes());
        return new LdapDirectory(
                pool(
                        url.getHost(),
                        port,
                        sockets,
                        startTls,
                        properties.bindDn(),
                        properties.bindPassword(),
                        properties.baseDn()),
                properties.baseDn(),
                UserMapping.of(properties),
                flavor,
                null,
                timers);
    }

    @Bean
    DirectoryHealthIndicator directoryHealthIndicator(Directory directory) {
        return new DirectoryHealthIndicator(directory);
    }

    /** TLS 1.2+ trusting the CAs of {@code ca-file}, or the JVM's trust store; never everything. */
    private static SSLUtil tls(DirectoryProperties properties) throws GeneralSecurityException {
        SSLUtil ssl = properties.caFile() == null
                ? new SSLUtil()
                : new SSLUtil(new PEMFileTrustManager(properties.caFile().toFile()));
        // Static: the LDAP SDK's default for every SSL socket it creates in this JVM, not a setting of `ssl`.
        SSLUtil.setEnabledSSLProtocols(List.of("TLSv1.3", "TLSv1.2"));
        return ssl;
    }

    /**
     * A pool that survives a directory that is down at start: the server starts, health says DOWN.
     * At most {@value #MAX_CONNECTIONS} connections; a caller waits up to 2 s for a free one.
     * Connections time out after 5 s (connect) and 10 s (answer); the pool checks its connections by
     * reading the base entry every 30 s and after an operation failed, and replaces one that fails. {@code startTls} (null: none) runs StartTLS before the bind.
     */
    private static LDAPConnectionPool pool(
            String host,
            int port,
            SocketFactory sockets,
            PostConnectProcessor startTls,
            String bindDn,
            String bindPassword,
            String baseDn) {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(5_000);
        options.setResponseTimeoutMillis(10_000);
        options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        try {
            SimpleBindRequest bind = bindDn == null ? null : new SimpleBindRequest(bindDn, bindPassword);
            LDAPConnectionPool pool = new LDAPConnectionPool(
                    new SingleServerSet(host, port, sockets, options), bind, 1, MAX_CONNECTIONS, 1, startTls, false);
            pool.setRetryFailedOperationsDueToInvalidConnections(true);
            // Bounded: when every connection is busy, wait up to 2 s for one, then fail (503), never grow.
            pool.setMaxWaitTimeMillis(2_000);
            pool.setCreateIfNecessary(false);
            pool.setHealthCheck(
                    new GetEntryLDAPConnectionPoolHealthCheck(baseDn, 5_000, false, false, false, true, true));
            pool.setHealthCheckIntervalMillis(30_000);
            pool.setConnectionPoolName("sspr-directory");
            return pool;
        } catch (LDAPException e) {
            throw new IllegalStateException(
                    "cannot create the directory connection pool for " + host + ":" + port + ": "
                            + e.getExceptionMessage(),
                    e);
        }
    }
}
