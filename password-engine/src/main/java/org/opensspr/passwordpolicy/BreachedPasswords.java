package org.opensspr.passwordpolicy;

/**
 * A corpus of passwords known from breaches; contains() hashes the password with SHA-1 and looks it up.
 * Implementations must not hold the corpus in the heap.
 */
public interface BreachedPasswords {

    boolean contains(String password);
}
