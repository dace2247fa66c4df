package org.opensspr.branding;

import java.util.Locale;
import java.util.regex.Pattern;
import org.opensspr.system.InvalidInput;
import org.opensspr.system.ProblemCode;

/**
 * The organisation's branding, valid once constructed (the API's body and what the portal and mails
 * use). Every field is optional: null keeps the look of a server without branding (the name
 * "OpenSSPR", the colours below, no helpdesk text). The logo is uploaded on its own
 * ({@code PUT /api/v1/admin/branding/logo}); the helpdesk link stays the SSPR policy's {@code helpdeskUrl}.
 *
 * @param organisationName shown in the portal's header and in mails; 1 to 100 characters, no control characters
 * @param primaryColour {@code #rrggbb}: the header, primary buttons and the mails' accent line; white text
 *     on it must have a contrast of at least 4.5:1 (WCAG AA)
 * @param accentColour {@code #rrggbb}: links and secondary buttons on white; at least 4.5:1 against white
 * @param helpdeskText what to tell a user the portal sends to the helpdesk (hours, phone), English and Dutch
 */
public record Branding(String organisationName, String primaryColour, String accentColour, HelpdeskText helpdeskText) {

    /** Today's look: the colours of {@code portal.css}. */
    public static final String DEFAULT_PRIMARY = "#0b3d91";

    public static final String DEFAULT_ACCENT = "#0b3d91";

    public static final Branding DEFAULT = new Branding(null, null, null, null);

    private static final Pattern COLOUR = Pattern.compile("#[0-9a-f]{6}");

    public Branding {
        organisationName = text(organisationName, "organisationName", 100);
        primaryColour = colour(primaryColour, "primaryColour");
        accentColour = colour(accentColour, "accentColour");
        helpdeskText = helpdeskText == null || helpdeskText.isEmpty() ? null : helpdeskText;
    }

    /** The primary colour the portal and mails use. */
    public String primary() {
        return primaryColour == null ? DEFAULT_PRIMARY : primaryColour;
    }

    public String accent() {
        return accentColour == null ? DEFAULT_ACCENT : accentColour;
    }

    /** The helpdesk text in {@code locale}'s language (Dutch for {@code nl}, else English), or null. */
    public String helpdeskText(Locale locale) {
        if (helpdeskText == null) {
            return null;
        }
        boolean dutch = locale != null && "nl".equals(locale.getLanguage());
        String text = dutch ? helpdeskText.nl() : helpdeskText.en();
        return text != null ? text : dutch ? helpdeskText.en() : helpdeskText.nl();
    }

    /**
     * @param en the English text, up to 500 characters
     * @param nl the Dutch text, up to 500 characters; a page in a language without a text shows the other
     */
    public record HelpdeskText(String en, String nl) {

        public HelpdeskText {
            en = text(en, "helpdeskText.en", 500);
            nl = text(nl, "helpdeskText.nl", 500);
        }

        boolean isEmpty() {
            return en == null && nl == null;
        }
    }

    private static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.codePointCount(0, stripped.length()) > max) {
            throw new InvalidInput(ProblemCode.BRANDING_TEXT_TOO_LONG, field, max);
        }
        if (stripped.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new InvalidInput(ProblemCode.BRANDING_TEXT_CONTROL, field);
        }
        return stripped;
    }

    private static String colour(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String colour = value.strip().toLowerCase(Locale.ROOT);
        if (!COLOUR.matcher(colour).matches()) {
            throw new InvalidInput(ProblemCode.BRANDING_COLOUR_FORMAT, field);
        }
        double ratio = Contrast.ratio(colour, "#ffffff");
        if (ratio < Contrast.AA) {
            throw new InvalidInput(ProblemCode.BRANDING_COLOUR_CONTRAST, field, colour, Contrast.shown(ratio));
        }
        return colour;
    }
}
