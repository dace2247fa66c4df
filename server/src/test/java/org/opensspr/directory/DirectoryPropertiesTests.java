package org.opensspr.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectoryPropertiesTests {

    private static DirectoryProperties properties(
            String url, String flavor, Boolean startTls, String userFilter, List<String> loginAttributes) {
        return new DirectoryProperties(
                url == null ? null : URI.create(url),
                flavor,
                null,
                null,
                null,
                null,
                startTls,
                userFilter,
                loginAttributes,
                null,
                null,
                null);
    }

    @Test
    void openLdapDefaultsFindPersonsByUid() {
        DirectoryProperties properties = properties("ldap://ldap.example.org", null, null, null, null);
        assertThat(properties.flavor()).isEqualTo("openldap");
        assertThat(properties.userFilter()).isEqualTo("(objectClass=person)");
        assertThat(properties.loginAttributes()).containsExactly("uid");
        assertThat(properties.mailAttribute()).isEqualTo("mail");
        assertThat(properties.mobileAttribute()).isEqualTo("mobile");
    }

    @Test
    void adDefaultsFindUsersBySamAccountNameAndUserPrincipalName() {
        DirectoryProperties properties = properties("ldaps://dc.example.org", "AD", null, null, null);
        assertThat(properties.flavor()).isEqualTo("ad");
        assertThat(properties.userFilter()).isEqualTo("(&(objectCategory=person)(objectClass=user))");
        assertThat(properties.loginAttributes()).containsExactly("sAMAccountName", "userPrincipalName");
    }

    @Test
    void adOverPlainLdapWithoutStartTlsIsRefusedBecauseAdWouldRefuseThePassword() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties("ldap://dc.example.org", "ad", null, null, null))
                .withMessageContaining("ldaps://")
                .withMessageContaining("start-tls");
        assertThat(properties("ldap://dc.example.org", "ad", true, null, null).startTls())
                .isTrue();
    }

    @Test
    void startTlsOverLdapsIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties("ldaps://dc.example.org", "openldap", true, null, null))
                .withMessageContaining("sspr.directory.start-tls");
    }

    @Test
    void anUnknownFlavorIsNamedInTheMessage() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties(null, "novell", null, null, null))
                .withMessageContaining("sspr.directory.flavor")
                .withMessageContaining("novell");
    }

    @Test
    void aBrokenUserFilterIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties(null, null, null, "(objectClass=person", null))
                .withMessageContaining("sspr.directory.user-filter");
    }

    @Test
    void aLoginAttributeMustBeAnAttributeName() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties(null, null, null, null, List.of("uid)(cn=*")))
                .withMessageContaining("sspr.directory.login-attributes");
    }
}
