package org.opensspr.enrollment;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

/**
 * The predefined security questions, with stable ids {@code q01}, {@code q02}, ... and their text
 * from the bundles {@code i18n/questions.properties} (English) and {@code questions_nl} (Dutch).
 * A stored registration refers to a question by id, so an id is never renumbered or reused; a
 * question may be reworded only if its answer stays the same. The questions ask for answers that
 * are memorable, do not change over time and are hard to look up online.
 *
 * <p>A locale without its own bundle gets English, whatever the JVM's default locale. Thread-safe.
 */
public final class QuestionCatalog {

    static final String BUNDLE = "i18n.questions";
    private static final String KEY_PREFIX = "question.";
    private static final Pattern ID = Pattern.compile("q\\d{2,}");
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final List<String> ids;

    /** Reads the ids from the English bundle. */
    public QuestionCatalog() {
        this.ids = bundle(Locale.ROOT).keySet().stream()
                .filter(key -> key.startsWith(KEY_PREFIX))
                .map(key -> key.substring(KEY_PREFIX.length()))
                .filter(id -> ID.matcher(id).matches())
                .sorted()
                .toList();
    }

    /** The ids of the predefined questions, in order: {@code q01}, {@code q02}, ... */
    public List<String> ids() {
        return ids;
    }

    /** Whether an id names a predefined question; false for null and for custom questions. */
    public boolean isPredefined(String id) {
        return id != null && ids.contains(id);
    }

    /**
     * The text of a predefined question in a language, or in English when the locale is null or
     * has no bundle.
     *
     * @throws IllegalArgumentException when the id is not a predefined question
     */
    public String text(String id, Locale locale) {
        if (!isPredefined(id)) {
            throw new IllegalArgumentException("unknown predefined question id: " + id);
        }
        return bundle(locale == null ? Locale.ROOT : locale).getString(KEY_PREFIX + id);
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, NO_DEFAULT_LOCALE);
    }
}
