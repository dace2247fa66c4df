package org.opensspr.directory;

import java.net.URI;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sspr.directory.*}: which directory to use. With no {@code url} the embedded directory
 * runs on 127.0.0.1:{@code embedded.port} and the service account is generated.
 */
@ConfigurationProperties("sspr.directory")
public record DirectoryProperties(URI url, String flavor, String baseDn, String bindDn, String bindPassword,
                                  Path caFile, Embedded embedded) {

    public DirectoryProperties {
        flavor = flavor == null ? "openldap" : flavor;
        baseDn = baseDn == null ? "dc=example,dc=org" : baseDn;
        embedded = embedded == null ? new Embedded(null, null) : embedded;
        if (url != null && !("ldap".equals(url.getScheme()) || "ldaps".equals(url.getScheme()))) {
            throw new IllegalArgumentException("sspr.directory.url must be an ldap:// or ldaps:// URL, got " + url);
        }
    }

    /** The embedded directory: its port on 127.0.0.1 (0 = any free port) and an optional seed LDIF. */
    public record Embedded(Integer port, Path seed) {
        public Embedded {
            port = port == null ? 1389 : port;
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("sspr.directory.embedded.port must be 0-65535, got " + port);
            }
        }
    }
}
