package org.opensspr.passwordpolicy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Passwords, their hashes and the public text format, for the corpus tests. */
final class CorpusFixtures {

    private CorpusFixtures() {}

    static byte[] sha1(String password) {
        MessageDigest sha1 = BreachedCorpus.newSha1();
        return sha1.digest(password.getBytes(StandardCharsets.UTF_8));
    }

    static String hex(byte[] hash) {
        return HexFormat.of().withUpperCase().formatHex(hash);
    }

    /** The SHA-1 hashes of "breached-0" ... "breached-(n-1)", sorted. */
    static List<byte[]> sortedHashes(int n) {
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            hashes.add(sha1("breached-" + i));
        }
        hashes.sort(java.util.Arrays::compareUnsigned);
        return hashes;
    }

    /** The hashes as the public format: {@code SHA1HEX:COUNT} lines with the given line end. */
    static String publicFormat(List<byte[]> hashes, String lineEnd) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < hashes.size(); i++) {
            text.append(hex(hashes.get(i))).append(':').append(i % 97 + 1).append(lineEnd);
        }
        return text.toString();
    }

    /** {@code hash} plus one at byte {@code at} (with carry), so it sorts just after {@code hash}. */
    static byte[] plusOneAt(byte[] hash, int at) {
        byte[] next = hash.clone();
        for (int i = at; i >= 0; i--) {
            next[i]++;
            if (next[i] != 0) {
                break;
            }
        }
        return next;
    }
}
