/**
 * API keys an admin issues to helpdesk tools and chatbots, which then start reset flows as
 * ClientType {@code Api} without a CAPTCHA. Only the SHA-256 of a key is kept. Calls
 * {@code secrets} and {@code audit}.
 */
package org.opensspr.apikeys;
