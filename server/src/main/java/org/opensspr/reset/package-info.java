/**
 * The reset flow: identify, pass the verification gates, set a new password in the directory.
 * Flow state lives in the database (any node serves the next request); flow ids and codes are
 * stored only as hashes. Calls {@code directory}, {@code policy}, {@code enrollment},
 * {@code passwordpolicy}, {@code notify}, {@code secrets} and {@code audit}.
 */
package org.opensspr.reset;
