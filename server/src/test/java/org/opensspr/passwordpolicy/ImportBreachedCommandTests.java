package org.opensspr.passwordpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportBreachedCommandTests {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void runWhenGivenAPublicFormatFileThenWritesTheCorpusAndShowsProgress() throws Exception {
        Path source = publicFormatFile(500);
        Path target = dir.resolve("out").resolve("pwned.bin");

        int exit = run(source.toString(), "--out", target.toString());

        assertThat(exit).isZero();
        assertThat(stderr()).contains("100.0%").contains("MB/s").contains("ETA").doesNotContain("\r");
        assertThat(stdout()).contains("imported 500 hashes into " + target);
        try (BreachedCorpus corpus = BreachedCorpus.open(target)) {
            assertThat(corpus.contains("leaked-0")).isTrue();
            assertThat(corpus.contains("leaked-499")).isTrue();
            assertThat(corpus.contains("leaked-500")).isFalse();
        }
    }

    @Test
    void runWhenOnATerminalThenRedrawsOneBar() throws Exception {
        Path source = publicFormatFile(50);

        int exit = ImportBreachedCommand.run(
                new String[] {source.toString(), "--out=" + dir.resolve("p.bin")},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                true);

        assertThat(exit).isZero();
        assertThat(stderr()).contains("\r[").contains("] 100.0%");
    }

    @Test
    void runWithoutOutThenWritesIntoTheDataDir() throws Exception {
        Path source = publicFormatFile(20);

        int exit = run(source.toString(), "--sspr.data-dir=" + dir.resolve("data"));

        assertThat(exit).isZero();
        assertThat(dir.resolve("data/breached/pwned.bin")).isRegularFile();
    }

    @Test
    void runWhenALineIsMalformedThenExitsWithTwoAndNamesTheLine() throws Exception {
        Path source = Files.writeString(dir.resolve("bad.txt"), "0".repeat(40) + ":1\r\nnot a hash\r\n");

        int exit = run(source.toString(), "--out", dir.resolve("p.bin").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(stderr()).contains("bad.txt, line 2: expected 40 hex digits");
        assertThat(dir.resolve("p.bin")).doesNotExist();
    }

    @Test
    void runWhenTheFileIsMissingOrNoneIsNamedThenExitsWithTwo() {
        assertThat(run(
                        dir.resolve("missing.txt").toString(),
                        "--out",
                        dir.resolve("p.bin").toString()))
                .isEqualTo(2);
        assertThat(stderr()).contains("no such file or folder");
        assertThat(run("--out", dir.resolve("p.bin").toString())).isEqualTo(2);
        assertThat(stderr()).contains("usage: sspr-server import-breached");
        assertThat(run("a.txt", "--bogus")).isEqualTo(2);
        assertThat(stderr()).contains("unexpected argument --bogus");
    }

    private int run(String... args) {
        return ImportBreachedCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path publicFormatFile(int n) throws Exception {
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            hashes.add(sha1.digest(("leaked-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        hashes.sort(Arrays::compareUnsigned);
        StringBuilder text = new StringBuilder();
        for (byte[] hash : hashes) {
            text.append(HexFormat.of().withUpperCase().formatHex(hash)).append(":42\r\n");
        }
        return Files.writeString(dir.resolve("pwned-" + n + ".txt"), text);
    }
}
