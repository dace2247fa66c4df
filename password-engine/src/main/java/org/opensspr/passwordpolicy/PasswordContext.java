package org.opensspr.passwordpolicy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the policy knows about the user whose password it checks; every part may be null. Its terms
 * are banned for this user, like Azure's substring match on the user's name and tenant name.
 *
 * @param login        the login name; a {@code DOMAIN\login} or {@code login@domain} form counts by its login part
 * @param givenName    first name
 * @param surname      last name
 * @param email        email address; its local part (before the last {@code @}) counts
 * @param organisation organisation (tenant) name
 */
public record PasswordContext(String login, String givenName, String surname, String email, String organisation) {

    /** A context with nothing in it. */
    public static PasswordContext none() {
        return new PasswordContext(null, null, null, null, null);
    }

    /** A context with only a login. */
    public static PasswordContext ofLogin(String login) {
        return new PasswordContext(login, null, null, null, null);
    }

    /**
     * The banned terms of this user: each part whole, and each piece of it between characters that
     * are neither letters nor digits ({@code alice.liddell} gives {@code alice.liddell}, {@code alice},
     * {@code liddell}), keeping those of {@value BannedTerms#MIN_TERM_LENGTH} characters or more.
     */
    public List<String> terms() {
        Set<String> terms = new LinkedHashSet<>();
        add(terms, loginPart(login));
        add(terms, givenName);
        add(terms, surname);
        add(terms, emailLocalPart(email));
        add(terms, organisation);
        return List.copyOf(terms);
    }

    private static void add(Set<String> terms, String value) {
        if (value == null) {
            return;
        }
        String text = PasswordNormalizer.nfkc(value).strip().toLowerCase(Locale.ROOT);
        keep(terms, text);
        StringBuilder piece = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetterOrDigit(c)) {
                piece.appendCodePoint(c);
            } else {
                keep(terms, piece.toString());
                piece.setLength(0);
            }
        }
        keep(terms, piece.toString());
    }

    private static void keep(Set<String> terms, String term) {
        if (term.codePointCount(0, term.length()) >= BannedTerms.MIN_TERM_LENGTH) {
            terms.add(term);
        }
    }

    private static String loginPart(String login) {
        if (login == null) {
            return null;
        }
        String part = login.substring(login.lastIndexOf('\\') + 1);
        int at = part.indexOf('@');
        return at > 0 ? part.substring(0, at) : part;
    }

    private static String emailLocalPart(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        return at >= 0 ? email.substring(0, at) : email;
    }
}
