package org.opensspr.passwordpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PwnedPasswordsImporterTests {

    @TempDir
    Path dir;

    @Test
    void importCorpusWhenLineEndsAreMixedAndCaseIsLowerThenImportsEveryHash() throws IOException {
        List<byte[]> hashes = CorpusFixtures.sortedHashes(200);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < hashes.size(); i++) {
            String hex = CorpusFixtures.hex(hashes.get(i));
            text.append(i % 3 == 0 ? hex.toLowerCase(java.util.Locale.ROOT) : hex)
                    .append(i % 5 == 0 ? "" : ":" + i)
                    .append(i % 2 == 0 ? "\r\n" : "\n");
        }
        text.append("\r\n");
        text.append(CorpusFixtures.hex(hashes.get(199))).append(":7");
        Path source = Files.writeString(dir.resolve("pwned.txt"), text);
        Path target = dir.resolve("out").resolve("pwned.bin");

        assertThat(PwnedPasswordsImporter.importCorpus(source, target, null)).isEqualTo(200);
        try (BreachedCorpus corpus = BreachedCorpus.open(target)) {
            assertThat(corpus.contains("breached-17")).isTrue();
            assertThat(corpus.contains("breached-200")).isFalse();
        }
    }

    @Test
    void importCorpusWhenALineIsMalformedThenNamesTheLineAndLeavesTheTargetAlone() throws IOException {
        List<byte[]> hashes = CorpusFixtures.sortedHashes(300);
        List<String> lines = new ArrayList<>(
                List.of(CorpusFixtures.publicFormat(hashes, "\n").split("\n")));
        lines.set(122, lines.get(122).substring(0, 39) + "X:12");
        Path source = Files.write(dir.resolve("pwned.txt"), lines);
        Path target = Files.writeString(dir.resolve("pwned.bin"), "the previous corpus");

        assertThatThrownBy(() -> PwnedPasswordsImporter.importCorpus(source, target, null))
                .isInstanceOf(MalformedCorpusException.class)
                .hasMessageContaining("line 123")
                .hasMessageContaining("expected 40 hex digits")
                .satisfies(
                        e -> assertThat(((MalformedCorpusException) e).line()).isEqualTo(123));
        assertThat(Files.readString(target)).isEqualTo("the previous corpus");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("pwned.txt", "pwned.bin");
        }
    }

    @Test
    void importCorpusWhenACountIsNotANumberThenRefuses() throws IOException {
        Path source = Files.writeString(dir.resolve("pwned.txt"), "0".repeat(40) + ":12a\n");

        assertThatThrownBy(() -> PwnedPasswordsImporter.importCorpus(source, dir.resolve("pwned.bin"), null))
                .isInstanceOf(MalformedCorpusException.class)
                .hasMessageContaining("line 1");
    }

    @Test
    void importCorpusWhenHashesAreNotSortedThenRefusesAndSaysHowToSort() throws IOException {
        List<byte[]> hashes = new ArrayList<>(CorpusFixtures.sortedHashes(50));
        hashes.add(10, hashes.remove(40));
        Path source = Files.writeString(dir.resolve("pwned.txt"), CorpusFixtures.publicFormat(hashes, "\r\n"));

        assertThatThrownBy(() -> PwnedPasswordsImporter.importCorpus(source, dir.resolve("pwned.bin"), null))
                .isInstanceOf(MalformedCorpusException.class)
                .hasMessageContaining("line 12")
                .hasMessageContaining("not sorted")
                .hasMessageContaining("LC_ALL=C sort");
    }

    @Test
    void importCorpusWhenGivenAFolderOfRangeFilesThenImportsThemInPrefixOrder() throws IOException {
        Map<String, List<String>> ranges = new TreeMap<>();
        for (byte[] hash : CorpusFixtures.sortedHashes(400)) {
            String hex = CorpusFixtures.hex(hash);
            ranges.computeIfAbsent(hex.substring(0, 5), prefix -> new ArrayList<>())
                    .add(hex.substring(5) + ":3");
        }
        Path folder = Files.createDirectory(dir.resolve("ranges"));
        int n = 0;
        for (Map.Entry<String, List<String>> range : ranges.entrySet()) {
            String name = n++ % 2 == 0 ? range.getKey() : range.getKey().toLowerCase(java.util.Locale.ROOT) + ".txt";
            Files.writeString(folder.resolve(name), String.join("\r\n", range.getValue()) + "\r\n");
        }
        Files.writeString(folder.resolve("README.md"), "not a range file");
        List<long[]> progress = new ArrayList<>();

        long count = PwnedPasswordsImporter.importCorpus(
                folder, dir.resolve("pwned.bin"), (done, total) -> progress.add(new long[] {done, total}));

        assertThat(count).isEqualTo(400);
        try (BreachedCorpus corpus = BreachedCorpus.open(dir.resolve("pwned.bin"))) {
            for (int i = 0; i < 400; i++) {
                assertThat(corpus.contains("breached-" + i)).isTrue();
            }
            assertThat(corpus.contains("breached-400")).isFalse();
        }
        long total = progress.get(0)[1];
        assertThat(progress.get(0)[0]).isZero();
        assertThat(progress.get(progress.size() - 1)).containsExactly(total, total);
        assertThat(progress).allSatisfy(update -> assertThat(update[0]).isBetween(0L, total));
    }

    @Test
    void importCorpusWhenARangeLineHasAFullHashThenRefuses() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("ranges"));
        Files.writeString(folder.resolve("00000.txt"), "0".repeat(35) + ":1\n" + "0".repeat(40) + ":1\n");

        assertThatThrownBy(() -> PwnedPasswordsImporter.importCorpus(folder, dir.resolve("pwned.bin"), null))
                .isInstanceOf(MalformedCorpusException.class)
                .hasMessageContaining("00000.txt, line 2")
                .hasMessageContaining("expected 35 hex digits");
    }

    @Test
    void importCorpusWhenTheFolderHasNoRangeFilesThenRefuses() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("empty"));
        Files.writeString(folder.resolve("notes.txt"), "hello", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> PwnedPasswordsImporter.importCorpus(folder, dir.resolve("pwned.bin"), null))
                .isInstanceOf(MalformedCorpusException.class)
                .hasMessageContaining("no range files");
    }

    @Test
    void importCorpusWhenTheSourceIsMissingThenNoSuchFile() {
        assertThatThrownBy(() ->
                        PwnedPasswordsImporter.importCorpus(dir.resolve("nope.txt"), dir.resolve("pwned.bin"), null))
                .isInstanceOf(NoSuchFileException.class);
    }
}
