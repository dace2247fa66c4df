/**
 * The verification methods users have: registered by themselves (email and SMS confirmed by a
 * code, an authenticator app by its first code, security questions hashed with Argon2id),
 * pre-filled by an admin, or the directory's own {@code mail} and {@code mobile}; and the checks
 * a reset runs against them; the security-info pages and the registration interrupt after signing
 * in. Calls {@code directory}, {@code policy}, {@code notify}, {@code secrets}, {@code throttle},
 * {@code audit} and {@code web} (callers, page errors, the sign-in interrupt it implements).
 */
package org.opensspr.enrollment;
