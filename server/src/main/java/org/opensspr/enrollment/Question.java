package org.opensspr.enrollment;

/** A security question as a user sees it. */
public record Question(String id, String text) {}
