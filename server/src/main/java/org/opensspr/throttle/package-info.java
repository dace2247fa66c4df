/**
 * Throttling across all server nodes: counted events and blocks live in the database, so an
 * attacker gains nothing by spreading requests over nodes. {@link org.opensspr.throttle.SignInThrottle}
 * guards every password check and audits what it refuses; calls {@code audit} and nothing else.
 */
package org.opensspr.throttle;
