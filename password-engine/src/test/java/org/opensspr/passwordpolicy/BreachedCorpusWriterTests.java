package org.opensspr.passwordpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BreachedCorpusWriterTests {

    @TempDir
    Path dir;

    @Test
    void writePasswordsWhenUnsortedWithDuplicatesThenWritesEachHashOnce() throws IOException {
        Path target = dir.resolve("small.bin");

        long count = BreachedCorpusWriter.writePasswords(List.of("zebra", "apple", "zebra", "Mango"), target);

        assertThat(count).isEqualTo(3);
        try (BreachedCorpus corpus = BreachedCorpus.open(target)) {
            assertThat(corpus.contains("zebra")).isTrue();
            assertThat(corpus.contains("Mango")).isTrue();
            assertThat(corpus.contains("mango")).isFalse();
        }
    }

    @Test
    void addWhenAHashSortsBeforeThePreviousOneThenRefuses() throws IOException {
        List<byte[]> hashes = CorpusFixtures.sortedHashes(2);
        try (BreachedCorpusWriter writer = BreachedCorpusWriter.create(dir.resolve("x.bin"), 2)) {
            writer.add(hashes.get(1));
            assertThatThrownBy(() -> writer.add(hashes.get(0)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ascending");
        }
    }

    @Test
    void closeWithoutCommitThenLeavesNoFileBehind() throws IOException {
        try (BreachedCorpusWriter writer = BreachedCorpusWriter.create(dir.resolve("x.bin"), 10)) {
            writer.add(CorpusFixtures.sha1("a"));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void createWhenHashBytesIsOutOfRangeThenRefuses() {
        assertThatThrownBy(() -> BreachedCorpusWriter.create(dir.resolve("x.bin"), 10, 7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("8 to 20");
    }
}
