package org.opensspr.system;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The languages OpenSSPR speaks (English and Dutch, the message bundles' languages) and which one
 * a text is written in. A page or a problem answers in the request's language; a mail or SMS in
 * the recipient's: the directory's {@code preferredLanguage} (RFC 2798) when it names a language we
 * speak, else the language of the request that caused the message, else the server's default (the
 * JVM's locale, when we speak it), else English.
 */
public final class Languages {

    /** English first: the default when nothing else matches. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("nl"));

    private Languages() {}

    /** The first of {@code wanted} whose language we speak, else English. */
    public static Locale supported(List<Locale> wanted) {
        for (Locale locale : wanted) {
            Optional<Locale> match = match(locale);
            if (match.isPresent()) {
                return match.get();
            }
        }
        return Locale.ENGLISH;
    }

    /**
     * The language a directory's {@code preferredLanguage} asks for: its value has the form of an
     * HTTP {@code Accept-Language} (RFC 2798 section 2.7, e.g. {@code nl}, {@code nl-BE} or {@code
     * en-GB, nl;q=0.8}); the first language we speak in the order of its weights. Empty for null, a
     * value that does not parse, or only languages we do not speak.
     */
    public static Optional<Locale> preferred(String preferredLanguage) {
        if (preferredLanguage == null || preferredLanguage.isBlank()) {
            return Optional.empty();
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(preferredLanguage.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() > 0 && !range.getRange().equals("*")) {
                Optional<Locale> match = match(Locale.forLanguageTag(range.getRange()));
                if (match.isPresent()) {
                    return match;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The language of a message to a user whose directory entry says {@code preferredLanguage}
     * (null or empty when it says nothing): that language, else the current request's (the {@link
     * LocaleContextHolder}'s, which outside a request is the JVM's default), else English.
     */
    public static Locale forRecipient(Optional<String> preferredLanguage) {
        return preferredLanguage
                .flatMap(Languages::preferred)
                .orElseGet(() -> supported(List.of(LocaleContextHolder.getLocale())));
    }

    private static Optional<Locale> match(Locale locale) {
        for (Locale candidate : SUPPORTED) {
            if (candidate.getLanguage().equals(locale.getLanguage())) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
