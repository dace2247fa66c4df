/**
 * Security configuration (the stateless API chain with HTTP Basic, bearer tokens and API keys;
 * the portal chain with sessions, form login and CSRF), the portal's layout and languages, error
 * answers as RFC 9457 problem details, and the listener safety check. Calls {@code directory}
 * to authenticate users and {@code apikeys} to check keys.
 */
package org.opensspr.web;
