/**
 * The verification methods users have: registered by themselves (email and SMS confirmed by a
 * code, an authenticator app by its first code, security questions hashed with Argon2id),
 * pre-filled by an admin, or the directory's own {@code mail} and {@code mobile}; and the checks
 * a reset runs against them. Calls {@code directory}, {@code policy}, {@code notify},
 * {@code secrets}, {@code throttle} and {@code audit}.
 */
package org.opensspr.enrollment;
