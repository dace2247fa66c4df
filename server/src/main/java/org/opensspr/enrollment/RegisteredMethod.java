package org.opensspr.enrollment;

import java.time.Instant;
import org.opensspr.policy.MethodType;

/**
 * A method a user registered. {@code value} is the address or number for email and SMS, the
 * sealed secret for TOTP, the JSON of question ids and answer hashes for security questions.
 */
record RegisteredMethod(String login, MethodType type, String value, long lastStep, Instant registeredAt) {}
