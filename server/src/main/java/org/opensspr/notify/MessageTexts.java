package org.opensspr.notify;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import org.opensspr.branding.Branding;
import org.opensspr.branding.BrandingService;
import org.springframework.beans.factory.annotation.Autowired;
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
 * An email carries the branding of the moment it is queued: the organisation's name above the message
 * and as the plain text's signature, the primary colour as the HTML card's top line; without branding it
 * is as it always was.
 */
@Component
public class MessageTexts {

    private final MessageSource messages;
    private final Supplier<Branding> branding;

    @Autowired
    MessageTexts(MessageSource messages, BrandingService branding) {
        this(messages, branding::current);
    }

    /** Without branding (tests). */
    MessageTexts(MessageSource messages) {
        this(messages, () -> Branding.DEFAULT);
    }

    MessageTexts(MessageSource messages, Supplier<Branding> branding) {
        this.messages = messages;
        this.branding = branding;
    }

    /** An email of {@code kind} to {@code recipient} in {@code locale}, plain text and HTML. */
    public Message email(Message.Kind kind, String recipient, Locale locale, Object... args) {
        Objects.requireNonNull(locale, "locale cannot be null");
        String subject = messages.getMessage("message." + kind.id() + ".subject", args, locale);
        String text = messages.getMessage("message." + kind.id() + ".text", args, locale);
        String code = kind.carriesCode() ? String.valueOf(args[0]) : null;
        String footer = messages.getMessage("message.footer", null, locale);
        Branding brand = branding.get();
        String organisation = brand.organisationName();
        String primary = brand.primaryColour();
        String plain = organisation == null ? text : text.strip() + "\n\n-- \n" + organisation;
        return Message.email(
                kind,
                recipient,
                subject,
                plain,
                MailHtml.render(locale, subject, text, code, footer, organisation, primary));
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
