package org.opensspr.passwordpolicy;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The messages of {@link Violation}s, in English (the base bundle) and Dutch, from
 * {@code org/opensspr/passwordpolicy/messages*.properties} in this library. A locale with no
 * bundle of its own gets English, whatever the JVM's default locale is.
 */
public final class PasswordMessages {

    static final String BUNDLE = "org.opensspr.passwordpolicy.messages";
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private PasswordMessages() {}

    /** The key of a violation code's message: {@code passwordpolicy.<code>}. */
    public static String keyOf(String code) {
        return "passwordpolicy." + code;
    }

    /**
     * A violation with its message in {@code locale} (null: English).
     *
     * @throws MissingResourceException when the code has no message, which is a bug in this library
     */
    public static Violation violation(String code, Locale locale, Object... arguments) {
        return new Violation(code, message(code, locale, arguments));
    }

    /** The message of {@code code} in {@code locale} (null: English), with its arguments filled in. */
    public static String message(String code, Locale locale, Object... arguments) {
        Locale effective = locale == null ? Locale.ROOT : locale;
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, effective, NO_DEFAULT_LOCALE);
        String pattern = bundle.getString(keyOf(code));
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, effective).format(arguments);
    }
}
