/**
 * A CAPTCHA that needs no third-party service: proof of work. The server hands out a signed,
 * stateless challenge ({@code GET /api/v1/reset/captcha}); the browser, the logon-screen agent or
 * a script burns CPU to find a counter whose SHA-256 has enough leading zero bits; the reset flow
 * accepts the solution once. This rate-limits scripted flow starts without any external service.
 * Owns the {@code captcha_used} table (the challenges already spent) and {@code static/js/pow.js}.
 * Calls {@code secrets} (the captcha key, SHA-256) and {@code system} (the clock) only.
 */
package org.opensspr.captcha;
