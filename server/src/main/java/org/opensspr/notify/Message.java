package org.opensspr.notify;

import java.util.Locale;
import java.util.Objects;

/**
 * A message to one recipient, its text already in the recipient's language ({@link MessageTexts}
 * writes it when the message is queued). The body may hold a code: it is sealed at rest and never
 * logged. An email has the plain-text {@code body} and, when {@code html} is not null, an HTML part
 * saying the same ({@code multipart/alternative}); an SMS has only the body. The {@link Kind}
 * travels with the message (an email carries it in the {@value #KIND_HEADER} header) so that mail
 * filters, helpdesk tools and tests can tell a code from a notice without reading the text, which
 * depends on the language.
 */
public record Message(Channel channel, Kind kind, String recipient, String subject, String body, String html) {

    /** The email header that names the message's kind, e.g. {@code X-OpenSSPR-Message: reset-code}. */
    public static final String KIND_HEADER = "X-OpenSSPR-Message";

    public enum Channel {
        EMAIL,
        SMS
    }

    /**
     * What a message is for; {@link #id()} is stable: it is stored in the outbox and sent in a header.
     * Its texts are {@code message.<id>.subject} and {@code message.<id>.text} (email), and {@code
     * message.<id>.sms} for a kind that also goes by SMS ({@link MessageTexts}).
     */
    public enum Kind {
        /** A verification code of a reset flow. */
        RESET_CODE(true, true),
        /** A code that confirms an address or number being registered. */
        REGISTRATION_CODE(true, true),
        /** A code that proves the user owns a method on file before they change their security info. */
        STEP_UP_CODE(true, true),
        /** Tells the user at every address on file that their security info changed. */
        SECURITY_INFO_NOTICE(false, true),
        /** Tells the user that their password was reset. */
        RESET_NOTICE(false, false),
        /** Tells the user that their account was unlocked. */
        UNLOCK_NOTICE(false, false),
        /** Tells an admin that another admin reset their password. */
        ADMIN_RESET_NOTICE(false, false),
        /** A link to the reset page that the helpdesk sent the user (issue 14). */
        RESET_LINK(false, false);

        private final boolean code;
        private final boolean sms;

        Kind(boolean code, boolean sms) {
            this.code = code;
            this.sms = sms;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Whether the message carries a code: the first argument of its texts. */
        public boolean carriesCode() {
            return code;
        }

        /** Whether the message also goes by SMS. */
        public boolean bySms() {
            return sms;
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

    /**
     * {@code kind} may be null only for messages queued before kinds existed; {@code html} is null
     * for an SMS and for an email queued before emails had an HTML part.
     */
    public Message {
        Objects.requireNonNull(channel, "channel cannot be null");
        Objects.requireNonNull(recipient, "recipient cannot be null");
        Objects.requireNonNull(body, "body cannot be null");
        subject = subject == null ? "" : subject;
    }

    /** A message without an HTML part. */
    public Message(Channel channel, Kind kind, String recipient, String subject, String body) {
        this(channel, kind, recipient, subject, body, null);
    }

    /** An email of plain text only. */
    public static Message email(Kind kind, String recipient, String subject, String body) {
        return email(kind, recipient, subject, body, null);
    }

    /** An email of plain text and, when {@code html} is not null, the same as HTML. */
    public static Message email(Kind kind, String recipient, String subject, String body, String html) {
        return new Message(
                Channel.EMAIL, Objects.requireNonNull(kind, "kind cannot be null"), recipient, subject, body, html);
    }

    public static Message sms(Kind kind, String recipient, String body) {
        return new Message(Channel.SMS, Objects.requireNonNull(kind, "kind cannot be null"), recipient, null, body);
    }
}
