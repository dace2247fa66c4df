package org.opensspr.directory;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sspr.directory.*}: which directory to use. With no {@code url} the embedded directory
 * runs on 127.0.0.1:{@code embedded.port} and the service account is generated.
 *
 * <p>{@code flavor} chooses the defaults of {@code user-filter}, {@code login-attributes},
 * {@code mail-attribute} and {@code mobile-attribute} and how passwords are written, accounts
 * unlocked and nested groups followed: {@code openldap} (also {@code 389ds}) or {@code ad} (Active
 * Directory and Samba AD). Every setting is checked at start, with a message that names it.
 */
@ConfigurationProperties("sspr.directory")
public record DirectoryProperties(
        URI url,
        String flavor,
        String baseDn,
        String bindDn,
        String bindPassword,
        Path caFile,
        Boolean startTls,
        String userFilter,
        List<String> loginAttributes,
        String mailAttribute,
        String mobileAttribute,
        Embedded embedded) {

    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9-]*");

    public DirectoryProperties {
        DirectoryFlavor kind = DirectoryFlavor.of(flavor);
        flavor = kind.id();
        baseDn = baseDn == null ? "dc=example,dc=org" : baseDn;
        startTls = startTls != null && startTls;
        userFilter = userFilter == null || userFilter.isBlank() ? kind.defaultUserFilter() : userFilter.strip();
        loginAttributes = loginAttributes == null || loginAttributes.isEmpty()
                ? kind.defaultLoginAttributes()
                : List.copyOf(loginAttributes);
        mailAttribute = mailAttribute == null || mailAttribute.isBlank() ? "mail" : mailAttribute.strip();
        mobileAttribute = mobileAttribute == null || mobileAttribute.isBlank() ? "mobile" : mobileAttribute.strip();
        embedded = embedded == null ? new Embedded(null, null) : embedded;
        if (url != null && !("ldap".equals(url.getScheme()) || "ldaps".equals(url.getScheme()))) {
            throw new IllegalArgumentException("sspr.directory.url must be an ldap:// or ldaps:// URL, got " + url);
        }
        if (startTls && (url == null || !"ldap".equals(url.getScheme()))) {
            throw new IllegalArgumentException(
                    "sspr.directory.start-tls needs an ldap:// URL (ldaps:// is TLS already), got " + url);
        }
        if (kind == DirectoryFlavor.AD && url != null && "ldap".equals(url.getScheme()) && !startTls) {
            throw new IllegalArgumentException(
                    "sspr.directory.flavor=ad writes unicodePwd, which Active Directory accepts only"
                            + " over an encrypted connection: use an ldaps:// URL or set sspr.directory.start-tls=true");
        }
        try {
            Filter.create(userFilter);
        } catch (LDAPException e) {
            throw new IllegalArgumentException(
                    "sspr.directory.user-filter is not an LDAP filter (RFC 4515), such as" + " (objectClass=person): "
                            + userFilter,
                    e);
        }
        for (String attribute : loginAttributes) {
            checkAttribute("login-attributes", attribute);
        }
        checkAttribute("mail-attribute", mailAttribute);
        checkAttribute("mobile-attribute", mobileAttribute);
    }

    /** The flavour this configuration names. */
    DirectoryFlavor kind() {
        return DirectoryFlavor.of(flavor);
    }

    private static void checkAttribute(String property, String attribute) {
        if (attribute == null || !ATTRIBUTE.matcher(attribute).matches()) {
            throw new IllegalArgumentException("sspr.directory." + property + " must name LDAP attributes, such as uid"
                    + " or sAMAccountName, got " + attribute);
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

    /** The kinds of directory, as {@code sspr.directory.flavor} names them. */
    enum DirectoryFlavor {
        OPENLDAP("openldap", "(objectClass=person)", List.of("uid")),
        DS389("389ds", "(objectClass=person)", List.of("uid")),
        AD("ad", "(&(objectCategory=person)(objectClass=user))", List.of("sAMAccountName", "userPrincipalName"));

        private final String id;
        private final String defaultUserFilter;
        // Always a List.of(...), so unmodifiable; the check cannot know that of the List type, and we
        // have no ImmutableList (no Guava).
        @SuppressWarnings("ImmutableEnumChecker")
        private final List<String> defaultLoginAttributes;

        DirectoryFlavor(String id, String defaultUserFilter, List<String> defaultLoginAttributes) {
            this.id = id;
            this.defaultUserFilter = defaultUserFilter;
            this.defaultLoginAttributes = defaultLoginAttributes;
        }

        static DirectoryFlavor of(String flavor) {
            if (flavor == null || flavor.isBlank()) {
                return OPENLDAP;
            }
            String wanted = flavor.strip().toLowerCase(Locale.ROOT);
            for (DirectoryFlavor kind : values()) {
                if (kind.id.equals(wanted)
                        || ("389-ds".equals(wanted) && kind == DS389)
                        || ("samba".equals(wanted) && kind == AD)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException(
                    "sspr.directory.flavor must be openldap, 389ds or ad (Active Directory and" + " Samba AD), got "
                            + flavor);
        }

        String id() {
            return id;
        }

        String defaultUserFilter() {
            return defaultUserFilter;
        }

        List<String> defaultLoginAttributes() {
            return defaultLoginAttributes;
        }
    }
}
