package org.opensspr.notify;

import java.util.Locale;
import java.util.Objects;

/**
 * A message to one recipient. The body may hold a code: it is sealed at rest and never logged.
 * The {@link Kind} travels with the message (an email carries it in the {@value #KIND_HEADER}
 * header) so that mail filters, helpdesk tools and tests can tell a code from a notice without
 * reading the text, which depends on the language.
 */
public record Message(Channel channel, Kind kind, String recipient, String subject, String body) {

    /** The email header that names the message's kind, e.g. {@code X-OpenSSPR-Message: reset-code}. */
    public static final String KIND_HEADER = "X-OpenSSPR-Message";

    public enum Channel {
        EMAIL,
        SMS
    }

    /** What a message is for; {@link #id()} is stable: it is stored in the outbox and sent in a header. */
    public enum Kind {
        /** A verification code of a reset flow. */
        RESET_CODE,
        /** A code that confirms an address or number being registered. */
        REGISTRATION_CODE,
        /** A code that proves the user owns a method on file before they change their security info. */
        STEP_UP_CODE,
        /** Tells the user at every address on file that their security info changed. */
        SECURITY_INFO_NOTICE,
        /** Tells the user that their password was reset. */
        RESET_NOTICE,
        /** Tells the user that their account was unlocked. */
        UNLOCK_NOTICE,
        /** Tells an admin that another admin reset their password. */
        ADMIN_RESET_NOTICE;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The kind with this {@link #id()}; null for a message queued before kinds existed (no id). */
        public static Kind ofId(String id) {
            if (id == null) {
                return null;
            }
            for (Kind kind : values()) {
                if (kind.id().equals(id)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown message kind: " + id);
        }
    }

    /** {@code kind} may be null only for messages queued before kinds existed. */
    public Message {
        Objects.requireNonNull(channel, "channel cannot be null");
        Objects.requireNonNull(recipient, "recipient cannot be null");
        Objects.requireNonNull(body, "body cannot be null");
        subject = subject == null ? "" : subject;
    }

    public static Message email(Kind kind, String recipient, String subject, String body) {
        return new Message(
                Channel.EMAIL, Objects.requireNonNull(kind, "kind cannot be null"), recipient, subject, body);
    }

    public static Message sms(Kind kind, String recipient, String body) {
        return new Message(Channel.SMS, Objects.requireNonNull(kind, "kind cannot be null"), recipient, null, body);
    }
}
