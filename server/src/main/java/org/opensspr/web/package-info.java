/**
 * Security configuration (the stateless API chain with HTTP Basic, bearer tokens and API keys;
 * the portal chain with sessions, form login and CSRF), the portal's layout and languages, error
 * answers as RFC 9457 problem details, and the listener safety check. Calls {@code directory}
 * to authenticate users and {@code apikeys} to check keys; a page to see right after signing in
 * comes from a {@link org.opensspr.web.SignInInterrupt} another feature implements.
 */
package org.opensspr.web;
