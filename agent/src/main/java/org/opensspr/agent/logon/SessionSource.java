package org.opensspr.agent.logon;

import org.opensspr.agent.AgentException;

/**
 * Where the sign-in screen's dialogue gets its logon session token: from the server with the
 * device credential (an admin running {@code logon} as root), or from the root-owned
 * {@link LogonBroker}, so that the locked-down {@code reset} account never reads the device secret.
 */
@FunctionalInterface
public interface SessionSource {

    /** A fresh session token; throws {@link AgentException} with words for the user when there is none. */
    String sessionToken();
}
