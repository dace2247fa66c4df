package org.opensspr.passwordpolicy;

import java.util.Arrays;

/**
 * A set of 64-bit hashes with open addressing: eight bytes an entry at a load of at most one half,
 * and no boxing, so the banned-term index of tens of thousands of terms stays a few megabytes.
 * Zero stands for an empty slot; a hash of zero is stored as one. Not thread-safe while being
 * filled; read-only and safe to share once {@link BannedTerms} has built it.
 */
final class LongHashSet {

    private long[] slots;
    private int size;

    LongHashSet(int expected) {
        slots = new long[capacityFor(Math.max(expected, 8))];
    }

    void add(long hash) {
        long value = hash == 0 ? 1 : hash;
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        if (insert(slots, value)) {
            size++;
        }
    }

    boolean contains(long hash) {
        long value = hash == 0 ? 1 : hash;
        int mask = slots.length - 1;
        for (int i = (int) value & mask; ; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == value) {
                return true;
            }
            if (slot == 0) {
                return false;
            }
        }
    }

    int size() {
        return size;
    }

    long bytes() {
        return 8L * slots.length;
    }

    private static boolean insert(long[] table, long value) {
        int mask = table.length - 1;
        for (int i = (int) value & mask; ; i = (i + 1) & mask) {
            if (table[i] == value) {
                return false;
            }
            if (table[i] == 0) {
                table[i] = value;
                return true;
            }
        }
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        Arrays.stream(slots).filter(v -> v != 0).forEach(v -> insert(bigger, v));
        slots = bigger;
    }

    private static int capacityFor(int expected) {
        return Integer.highestOneBit(expected * 2 - 1) << 1;
    }
}
