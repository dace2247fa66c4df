package org.opensspr.notify;

import java.util.Objects;

/** A message to one recipient. The body may hold a code: it is sealed at rest and never logged. */
public record Message(Channel channel, String recipient, String subject, String body) {

    public enum Channel { EMAIL, SMS }

    public Message {
        Objects.requireNonNull(channel, "channel cannot be null");
        Objects.requireNonNull(recipient, "recipient cannot be null");
        Objects.requireNonNull(body, "body cannot be null");
        subject = subject == null ? "" : subject;
    }
}
