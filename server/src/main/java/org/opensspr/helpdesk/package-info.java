/**
 * The helpdesk (issue 14): members of {@code sspr.helpdesk-group} (ROLE_HELPDESK) and admins look a
 * user up (methods masked, registration status, blocks, last activity), lift a block, clear a lost
 * method, require re-registration, send a reset link, and find the user and event behind a support
 * code. {@link org.opensspr.helpdesk.HelpdeskService} holds the logic for the REST API ({@code
 * /api/v1/helpdesk/**}) and the console pages; every change is audited with the staff member as
 * actor. Calls {@code directory}, {@code policy}, {@code enrollment}, {@code reset} (its blocks),
 * {@code throttle}, {@code notify}, {@code audit}, {@code system} and {@code web} (callers, support codes).
 */
package org.opensspr.helpdesk;
