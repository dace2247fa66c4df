/**
 * Throttling across all server nodes: counted events and blocks live in the database, so an
 * attacker gains nothing by spreading requests over nodes. Calls no feature.
 */
package org.opensspr.throttle;
