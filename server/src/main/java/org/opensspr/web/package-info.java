/**
 * Security configuration (who may call what), error answers as RFC 9457 problem details, and
 * the listener safety check. Calls {@code directory} to authenticate users.
 */
package org.opensspr.web;
