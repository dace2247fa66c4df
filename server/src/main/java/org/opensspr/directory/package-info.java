/**
 * The directory: the source of truth for accounts, groups, passwords and lockout. The only
 * package that imports the UnboundID LDAP SDK (an ArchUnit test says so). Calls no feature.
 */
package org.opensspr.directory;
