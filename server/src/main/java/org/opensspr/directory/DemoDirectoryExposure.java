package org.opensspr.directory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.opensspr.system.StartRefusedException;

/**
 * Refuses to serve the demo organisation off loopback. With no {@code sspr.directory.url} and no
 * {@code sspr.directory.embedded.seed} the embedded directory holds the demo users, whose passwords
 * (the admin's too) the README prints: anyone who reaches the listener could sign in as an admin.
 * A mistyped {@code sspr.directory.url} used to end here. An embedded directory seeded from an LDIF
 * of the operator's own is allowed.
 */
final class DemoDirectoryExposure {

    private DemoDirectoryExposure() {}

    /**
     * @param serverAddress {@code server.address}; blank means every interface
     * @throws StartRefusedException when the demo directory would serve off loopback
     */
    static void check(DirectoryProperties properties, String serverAddress) {
        if (properties.url() != null || properties.embedded().seed() != null || loopback(serverAddress)) {
            return;
        }
        throw new StartRefusedException(
                "sspr.directory.url is not set, so the embedded demo directory would serve (the README prints its"
                        + " admin password), and server.address="
                        + (serverAddress.isBlank() ? "(all interfaces)" : serverAddress) + " is not loopback",
                "Set sspr.directory.url to your directory (ldaps://dc.example.org, with .bind-dn and .bind-password),"
                        + " or sspr.directory.embedded.seed to an LDIF of your own, or listen on 127.0.0.1.");
    }

    private static boolean loopback(String address) {
        try {
            return !address.isBlank() && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
