package org.opensspr.passwordpolicy;

import java.nio.charset.StandardCharsets;

/**
 * Constants of the binary corpus file; the layout is documented on {@link BreachedCorpus}.
 * Shared by the reader and the writer so the two cannot drift apart.
 */
final class BreachedCorpusFormat {

    static final byte[] MAGIC = "SSPRBRCH".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int HEADER_BYTES = 64;
    static final int MIN_HASH_BYTES = 8;
    static final int MAX_HASH_BYTES = 20;
    static final int MAX_INDEX_BITS = 20;
    static final int DEFAULT_HASH_BYTES = 8;

    private BreachedCorpusFormat() {}

    /** Bytes of the fan-out index: one record number per bucket, plus one past the last bucket. */
    static long indexBytes(int indexBits) {
        return ((1L << indexBits) + 1) * Long.BYTES;
    }

    /**
     * Index bits for about {@code expectedCount} hashes: buckets of about 64 records, at most
     * 2^20 buckets (an 8 MiB index).
     */
    static int indexBitsFor(long expectedCount) {
        int bits = 0;
        while (bits < MAX_INDEX_BITS && (expectedCount >>> bits) > 64) {
            bits++;
        }
        return bits;
    }

    /** The bucket of a hash whose first eight bytes, big-endian, are {@code first64}. */
    static int bucket(long first64, int indexBits) {
        return indexBits == 0 ? 0 : (int) (first64 >>> (64 - indexBits));
    }
}
