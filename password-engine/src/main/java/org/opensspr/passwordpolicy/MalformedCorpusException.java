package org.opensspr.passwordpolicy;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The text corpus given to {@link PwnedPasswordsImporter} is not in the Pwned Passwords format:
 * a malformed line, hashes out of order, or a folder without range files. The message names the
 * file and line; it quotes at most the start of the offending line (hashes and counts, never a
 * password).
 */
public final class MalformedCorpusException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;

    MalformedCorpusException(Path file, long line, String problem) {
        super(file + (line > 0 ? ", line " + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    /** The file with the problem. */
    public Path file() {
        return file;
    }

    /** The 1-based line number of the problem, or 0 when it is not about one line. */
    public long line() {
        return line;
    }
}
