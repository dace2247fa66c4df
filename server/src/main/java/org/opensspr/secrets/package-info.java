/**
 * The server's keys and the few primitives built on them: SHA-256 digests of tokens, HMACs of
 * short codes, and AES-GCM for secrets that must be read back. Calls no feature (it only hands the
 * audit log its {@code AuditKey}); every feature that stores a secret calls it.
 */
package org.opensspr.secrets;
