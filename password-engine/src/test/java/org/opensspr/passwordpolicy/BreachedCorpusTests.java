package org.opensspr.passwordpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BreachedCorpusTests {

    @TempDir
    Path dir;

    @Test
    void containsWhenImportedFromThePublicFormatThenFindsEveryHashAndNothingElse() throws IOException {
        List<byte[]> hashes = CorpusFixtures.sortedHashes(300);
        Path text = dir.resolve("pwned.txt");
        Files.writeString(text, CorpusFixtures.publicFormat(hashes, "\r\n"), StandardCharsets.US_ASCII);
        Path bin = dir.resolve("pwned.bin");

        assertThat(PwnedPasswordsImporter.importCorpus(text, bin, null)).isEqualTo(300);

        try (BreachedCorpus corpus = BreachedCorpus.open(bin)) {
            assertThat(corpus.count()).isEqualTo(300);
            assertThat(corpus.hashBytes()).isEqualTo(8);
            assertThat(corpus.contains("breached-0")).isTrue();
            assertThat(corpus.contains("breached-299")).isTrue();
            assertThat(corpus.contains("breached-300")).isFalse();
            assertThat(corpus.contains("Breached-0")).isFalse();
            assertThat(corpus.containsSha1(hashes.get(0))).isTrue();
            assertThat(corpus.containsSha1(hashes.get(299))).isTrue();
            for (int i = 0; i < 300; i++) {
                assertThat(corpus.contains("breached-" + i))
                        .as("breached-%d", i)
                        .isTrue();
                assertThat(corpus.contains("absent-" + i)).as("absent-%d", i).isFalse();
            }
        }
    }

    @Test
    void containsSha1WhenTheHashSortsBetweenTwoEntriesThenFalse() throws IOException {
        List<byte[]> hashes = CorpusFixtures.sortedHashes(300);
        Path full = dir.resolve("full.bin");
        Path truncated = dir.resolve("truncated.bin");
        write(hashes, full, 20);
        write(hashes, truncated, 8);
        byte[] lower = hashes.get(150);
        byte[] upper = hashes.get(151);
        byte[] justAboveFull = CorpusFixtures.plusOneAt(lower, 19);
        byte[] justAboveTruncated = CorpusFixtures.plusOneAt(lower, 7);
        assertThat(Arrays.compareUnsigned(justAboveTruncated, upper)).isNegative();

        try (BreachedCorpus corpus = BreachedCorpus.open(full)) {
            assertThat(corpus.containsSha1(justAboveFull)).isFalse();
            assertThat(corpus.containsSha1(lower)).isTrue();
            assertThat(corpus.containsSha1(upper)).isTrue();
            assertThat(corpus.containsSha1(CorpusFixtures.plusOneAt(upper, 19))).isFalse();
        }
        try (BreachedCorpus corpus = BreachedCorpus.open(truncated)) {
            assertThat(corpus.containsSha1(justAboveTruncated)).isFalse();
            assertThat(corpus.containsSha1(justAboveFull))
                    .as("same first 8 bytes: the documented false positive")
                    .isTrue();
        }
    }

    @Test
    void containsWhenRecordsStraddleChunkBordersThenAgreesWithASortedSet() throws IOException {
        Random random = new Random(42);
        for (int hashBytes : new int[] {8, 10, 13, 20}) {
            TreeSet<byte[]> set = new TreeSet<>(Arrays::compareUnsigned);
            while (set.size() < 5_000) {
                byte[] hash = new byte[20];
                random.nextBytes(hash);
                set.add(Arrays.copyOf(Arrays.copyOf(hash, hashBytes), 20));
            }
            Path bin = dir.resolve("random-" + hashBytes + ".bin");
            write(new ArrayList<>(set), bin, hashBytes);
            try (BreachedCorpus corpus = BreachedCorpus.open(bin, 10)) {
                for (byte[] hash : set) {
                    assertThat(corpus.containsSha1(hash)).isTrue();
                }
                for (int i = 0; i < 5_000; i++) {
                    byte[] probe = new byte[20];
                    random.nextBytes(probe);
                    Arrays.fill(probe, hashBytes, 20, (byte) 0);
                    assertThat(corpus.containsSha1(probe)).isEqualTo(set.contains(probe));
                }
            }
        }
    }

    @Test
    void openWhenTheCorpusIsEmptyThenContainsNothing() throws IOException {
        Path bin = dir.resolve("empty.bin");
        write(List.of(), bin, 8);
        try (BreachedCorpus corpus = BreachedCorpus.open(bin)) {
            assertThat(corpus.count()).isZero();
            assertThat(corpus.contains("password")).isFalse();
        }
    }

    @Test
    void openWhenTheFileIsTruncatedOrNotACorpusThenRefuses() throws IOException {
        Path bin = dir.resolve("pwned.bin");
        write(CorpusFixtures.sortedHashes(100), bin, 8);
        byte[] bytes = Files.readAllBytes(bin);
        Path truncated = Files.write(dir.resolve("truncated.bin"), Arrays.copyOf(bytes, bytes.length - 3));
        Path text = Files.writeString(dir.resolve("text.bin"), "0".repeat(40) + ":1\n".repeat(10));

        assertThatThrownBy(() -> BreachedCorpus.open(truncated))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("truncated or damaged");
        assertThatThrownBy(() -> BreachedCorpus.open(text))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("wrong magic");
    }

    @Test
    void containsWhenClosedThenThrows() throws IOException {
        Path bin = dir.resolve("pwned.bin");
        write(CorpusFixtures.sortedHashes(10), bin, 8);
        BreachedCorpus corpus = BreachedCorpus.open(bin);
        corpus.close();
        assertThatThrownBy(() -> corpus.contains("breached-1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void containsWhenManyThreadsAskAtOnceThenEveryAnswerIsRight() throws Exception {
        Path bin = dir.resolve("pwned.bin");
        write(CorpusFixtures.sortedHashes(2_000), bin, 8);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try (BreachedCorpus corpus = BreachedCorpus.open(bin)) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int seed = t;
                results.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    int wrong = 0;
                    for (int i = 0; i < 20_000; i++) {
                        int n = random.nextInt(4_000);
                        if (corpus.contains("breached-" + n) != (n < 2_000)) {
                            wrong++;
                        }
                    }
                    return wrong;
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void write(List<byte[]> sortedHashes, Path target, int hashBytes) throws IOException {
        try (BreachedCorpusWriter writer = BreachedCorpusWriter.create(target, sortedHashes.size(), hashBytes)) {
            for (byte[] hash : sortedHashes) {
                writer.add(hash);
            }
            writer.commit();
        }
    }
}
