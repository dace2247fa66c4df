/**
 * The admin API ({@code /api/v1/admin/**}, ROLE_ADMIN): controllers only. They call other
 * features' services, never their repositories.
 */
package org.opensspr.admin;
