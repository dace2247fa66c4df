/**
 * Verification methods a user has: for now the authentication contact info an admin pre-filled
 * and the directory's own {@code mail}; registration by the user comes with the portal. Calls
 * {@code directory}, {@code policy} and {@code audit}.
 */
package org.opensspr.enrollment;
