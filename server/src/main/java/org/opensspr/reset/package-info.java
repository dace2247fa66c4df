/**
 * The reset flow: identify, pass the verification gates, set a new password in the directory.
 * Flow state lives in the database (any node serves the next request); flow ids and codes are
 * stored only as hashes. Also change password, and the strength meter's password check for a
 * verified flow or a signed-in user ({@code PasswordChecks}). Calls {@code directory}, {@code policy},
 * {@code enrollment}, {@code passwordpolicy}, {@code notify}, {@code throttle}, {@code secrets} and
 * {@code audit}.
 */
package org.opensspr.reset;
