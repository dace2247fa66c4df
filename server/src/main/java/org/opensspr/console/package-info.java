/**
 * The admin console at {@code /admin}: server-rendered pages (Thymeleaf, like the portal, in English
 * and Dutch) over the same services the admin REST API uses, so a page and its endpoint cannot
 * disagree. Members of the admin group see every page; members of the helpdesk group see the
 * console's start page and the helpdesk pages only (see {@code web.PortalSecurityConfiguration}).
 * Forms post with CSRF tokens; every change is audited by the service it calls.
 */
package org.opensspr.console;
