package org.opensspr.audit;

/** Where a request came from, as Azure's audit log names it. */
public enum ClientType {
    /** The portal or a plain HTTP client without an API key. */
    Browser,
    /** The sign-in screen of a device, through a logon session. */
    LogonScreen,
    /** Automation with an admin-issued API key or the bootstrap token. */
    Api
}
