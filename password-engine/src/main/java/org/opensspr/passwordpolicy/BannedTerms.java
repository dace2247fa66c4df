package org.opensspr.passwordpolicy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * An immutable index of banned terms and steps 2 and 3 of Azure's banned-password algorithm:
 * find the terms in the normalised password, then score it (each term found 1 point, every other
 * character 1 point; {@link #MIN_SCORE} or more passes).
 *
 * <p>Matching. A term of {@value #MIN_TERM_LENGTH} characters matches where it occurs exactly (after
 * normalisation); a longer term also matches at edit distance one: one character changed, added
 * or left out ({@code contoso} matches {@code contozo}, {@code contosso}, {@code contso}). A
 * character added counts only inside the term: one added at either end is the user's own character
 * and scores its point, as in Azure's example where {@code Bl@nkf9!} is blank + f + 9 + !. Four
 * letter terms are matched exactly because one edit in four letters turns a random string into a
 * "word" too often. Terms of any length (context terms may be longer than 16) are found anywhere
 * in the password; the score takes the covering with the fewest points, so it is never higher
 * than any reading of the password an attacker could choose.
 *
 * <p>Speed. The password is never compared with every term. The index holds, as 64-bit hashes,
 * every term, every term with one position blanked (substitutions) and every term with one
 * character deleted (the password left one out); a window of the password is looked up with the
 * same three shapes (symmetric deletion). A 12-character password costs a few hundred look-ups
 * whatever the size of the list; memory is 8 bytes times about twice (2 * length + 1) per term.
 * Two different strings with the same hash would count as a match: with 64-bit hashes that is
 * about one chance in 10^13 per password, and it can only refuse a password, never accept one.
 *
 * <p>Thread-safe once built. Logs nothing: neither passwords nor which term matched.
 */
public final class BannedTerms {

    /** The lowest score Azure accepts. */
    public static final int MIN_SCORE = 5;
    /** Terms shorter than this (after normalisation) are ignored. */
    public static final int MIN_TERM_LENGTH = 4;

    static final String GLOBAL_RESOURCE = "banned-terms.txt";

    private static final int EXACT = 1;
    private static final int BLANKED = 2;
    private static final int DELETED = 3;
    private static final int BLANK = -1;
    private static final int SKIP_NONE = -2;

    private final PasswordNormalizer normalizer;
    private final LongHashSet hashes;
    private final int termCount;
    private final int maxTermLength;
    private final boolean[] termLengths;

    private BannedTerms(PasswordNormalizer normalizer, LongHashSet hashes, int termCount, boolean[] termLengths) {
        this.normalizer = normalizer;
        this.hashes = hashes;
        this.termCount = termCount;
        this.maxTermLength = termLengths.length - 1;
        this.termLengths = termLengths;
    }

    /** An index of {@code terms} normalised with {@link PasswordNormalizer#DEFAULT}; nulls and terms under 4 characters are skipped. */
    public static BannedTerms of(Collection<String> terms) {
        return of(terms, PasswordNormalizer.DEFAULT);
    }

    /** An index of {@code terms} normalised with {@code normalizer}; nulls and terms under 4 characters are skipped. */
    public static BannedTerms of(Collection<String> terms, PasswordNormalizer normalizer) {
        Objects.requireNonNull(terms, "terms cannot be null");
        Objects.requireNonNull(normalizer, "normalizer cannot be null");
        List<int[]> normalized = new ArrayList<>(terms.size());
        long entries = 0;
        for (String term : terms) {
            if (term != null) {
                int[] codePoints = normalizer.codePoints(term.strip());
                if (codePoints.length >= MIN_TERM_LENGTH) {
                    normalized.add(codePoints);
                    entries += 1 + (codePoints.length > MIN_TERM_LENGTH ? 2L * codePoints.length : 0);
                }
            }
        }
        LongHashSet hashes = new LongHashSet((int) Math.min(entries, 1 << 26));
        int maxLength = 0;
        for (int[] term : normalized) {
            int n = term.length;
            maxLength = Math.max(maxLength, n);
            hashes.add(hash(EXACT, term, 0, n, SKIP_NONE, SKIP_NONE));
            if (n > MIN_TERM_LENGTH) {
                for (int i = 0; i < n; i++) {
                    hashes.add(hash(BLANKED, term, 0, n, SKIP_NONE, i));
                    hashes.add(hash(DELETED, term, 0, n, i, SKIP_NONE));
                }
            }
        }
        boolean[] lengths = new boolean[maxLength + 1];
        normalized.forEach(term -> lengths[term.length] = true);
        return new BannedTerms(normalizer, hashes, normalized.size(), lengths);
    }

    /** An index with no terms. */
    public static BannedTerms empty() {
        return of(List.of());
    }

    /**
     * The global list shipped with OpenSSPR ({@code banned-terms.txt}: common passwords, words
     * people build passwords from, years), loaded and indexed once, on first use.
     */
    public static BannedTerms global() {
        return Global.INSTANCE;
    }

    /** The terms of the global list, as shipped (lower case, NFKC, before substitutions). */
    static List<String> globalTerms() {
        try (InputStream in = BannedTerms.class.getResourceAsStream(GLOBAL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(GLOBAL_RESOURCE + " is missing from the classpath");
            }
            List<String> terms = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    terms.add(line);
                }
            }
            return terms;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + GLOBAL_RESOURCE, e);
        }
    }

    /** The number of terms indexed (after normalisation, before removing duplicates). */
    public int size() {
        return termCount;
    }

    /** About how many bytes the index takes. */
    public long bytes() {
        return hashes.bytes();
    }

    /** The normaliser this index was built with; every list scored together must share it. */
    public PasswordNormalizer normalizer() {
        return normalizer;
    }

    /**
     * Azure's score of {@code password} against this list and {@code others}: each term found is one
     * point, every other character one point (code points after normalisation), the covering with
     * the fewest points. Null counts as the empty password (score 0).
     *
     * @throws IllegalArgumentException when a list was built with another normaliser
     */
    public int score(String password, BannedTerms... others) {
        for (BannedTerms other : others) {
            if (other.normalizer != normalizer) {
                throw new IllegalArgumentException("every banned-term list must use the same normalizer");
            }
        }
        return score(normalizer.codePoints(password), this, others);
    }

    /** True when {@code password} contains at least one term of this list. */
    public boolean matchesAnywhere(String password) {
        int[] text = normalizer.codePoints(password);
        for (int end = 1; end <= text.length; end++) {
            for (int start = end - MIN_TERM_LENGTH; start >= 0 && end - start <= maxTermLength + 1; start--) {
                if (matches(text, start, end)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int score(int[] text, BannedTerms first, BannedTerms[] others) {
        int longestWindow = first.maxTermLength + 1;
        for (BannedTerms other : others) {
            longestWindow = Math.max(longestWindow, other.maxTermLength + 1);
        }
        int[] best = new int[text.length + 1];
        for (int end = 1; end <= text.length; end++) {
            int points = best[end - 1] + 1;
            for (int start = end - MIN_TERM_LENGTH; start >= 0 && end - start <= longestWindow; start--) {
                if (best[start] + 1 >= points) {
                    continue;
                }
                int length = end - start;
                boolean found = length <= first.maxTermLength + 1 && first.matches(text, start, end);
                for (int i = 0; !found && i < others.length; i++) {
                    found = length <= others[i].maxTermLength + 1 && others[i].matches(text, start, end);
                }
                if (found) {
                    points = best[start] + 1;
                }
            }
            best[end] = points;
        }
        return best[text.length];
    }

    /** Whether the window {@code text[start, end)} is within edit distance one of a term (exactly, for 4-character terms). */
    boolean matches(int[] text, int start, int end) {
        int length = end - start;
        if (length < MIN_TERM_LENGTH || length > maxTermLength + 1) {
            return false;
        }
        boolean sameLength = length <= maxTermLength && termLengths[length];
        if (sameLength && hashes.contains(hash(EXACT, text, start, end, SKIP_NONE, SKIP_NONE))) {
            return true;
        }
        if (length < maxTermLength
                && termLengths[length + 1]
                && hashes.contains(hash(DELETED, text, start, end, SKIP_NONE, SKIP_NONE))) {
            return true; // the window is a term with one character left out
        }
        boolean changed = sameLength && length > MIN_TERM_LENGTH;
        boolean added = length > MIN_TERM_LENGTH + 1 && termLengths[length - 1];
        for (int i = start; (changed || added) && i < end; i++) {
            if (changed && hashes.contains(hash(BLANKED, text, start, end, SKIP_NONE, i))) {
                return true; // one character changed
            }
            if (added && i > start && i < end - 1 && hashes.contains(hash(EXACT, text, start, end, i, SKIP_NONE))) {
                return true; // one character added inside the term; a 4-character term only matches exactly
            }
        }
        return false;
    }

    /**
     * The hash of {@code text[start, end)} with the character at {@code skip} left out and the one at
     * {@code blank} replaced by a mark no code point has; {@code kind} keeps the three shapes apart.
     * Positions are relative to the whole array, so terms and windows hash alike.
     */
    private static long hash(int kind, int[] text, int start, int end, int skip, int blank) {
        long h = 0x9E3779B97F4A7C15L * kind;
        for (int i = start; i < end; i++) {
            if (i == skip) {
                continue;
            }
            int c = i == blank ? BLANK : text[i];
            h = (h ^ (c & 0xFFFFFFFFL)) * 0xFF51AFD7ED558CCDL;
            h ^= h >>> 32;
        }
        h ^= end - start - (skip == SKIP_NONE ? 0 : 1);
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }

    private static final class Global {
        static final BannedTerms INSTANCE = of(globalTerms());
    }
}
