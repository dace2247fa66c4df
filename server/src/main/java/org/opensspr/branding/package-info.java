/**
 * The organisation's branding on the portal and in mails: its name, logo, colours and helpdesk text
 * (a stored setting, {@code settings} row {@code branding}, and the logo in {@code branding_logo}),
 * the generated stylesheet {@code /branding.css} and the public logo {@code /branding/logo}. Calls
 * {@code audit} and {@code system}.
 */
package org.opensspr.branding;
