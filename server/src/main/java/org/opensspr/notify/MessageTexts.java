package org.opensspr.notify;

import java.util.Locale;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes a message's text from the message bundles in the recipient's language, when it is queued:
 * the outbox delivers later, on another thread, where neither the request nor its language exist
 * any more. The texts of a {@link Message.Kind} are {@code message.<id>.subject} and {@code
 * message.<id>.text} for an email (plain text, paragraphs between blank lines; the HTML part is made
 * from it, see {@link MailHtml}) and {@code message.<id>.sms}; their arguments are the kind's own
 * (for a kind that {@linkplain Message.Kind#carriesCode() carries a code} the code is {@code {0}}).
 * An argument may be a {@link org.springframework.context.MessageSourceResolvable}, written in the
 * same language. Which language a recipient reads is the caller's choice ({@code Languages.forRecipient}).
 */
@Component
public class MessageTexts {

    private final MessageSource messages;

    MessageTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** An email of {@code kind} to {@code recipient} in {@code locale}, plain text and HTML. */
    public Message email(Message.Kind kind, String recipient, Locale locale, Object... args) {
        Objects.requireNonNull(locale, "locale cannot be null");
        String subject = messages.getMessage("message." + kind.id() + ".subject", args, locale);
        String text = messages.getMessage("message." + kind.id() + ".text", args, locale);
        String code = kind.carriesCode() ? String.valueOf(args[0]) : null;
        String footer = messages.getMessage("message.footer", null, locale);
        return Message.email(kind, recipient, subject, text, MailHtml.render(locale, subject, text, code, footer));
    }

    /** An SMS of {@code kind} to {@code recipient} (E.164) in {@code locale}. */
    public Message sms(Message.Kind kind, String recipient, Locale locale, Object... args) {
        Objects.requireNonNull(locale, "locale cannot be null");
        if (!kind.bySms()) {
            throw new IllegalArgumentException(kind.id() + " is never sent by SMS");
        }
        return Message.sms(kind, recipient, messages.getMessage("message." + kind.id() + ".sms", args, locale));
    }
}
