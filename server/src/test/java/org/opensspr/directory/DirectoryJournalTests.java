package org.opensspr.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal file: framing, torn tails, damage, group commit and rotation. */
class DirectoryJournalTests {

    @TempDir
    Path folder;

    private Path file() {
        return folder.resolve("directory.journal");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> texts(JournalFrames.Read read) {
        return read.units().stream()
                .map(unit -> new String(unit, StandardCharsets.UTF_8))
                .toList();
    }

    private void writeUnits(String... payloads) throws IOException {
        try (DirectoryJournal journal = DirectoryJournal.create(file())) {
            for (String payload : payloads) {
                journal.awaitDurable(journal.append(bytes(payload)));
            }
        }
    }

    @Test
    void whatWasMadeDurableReadsBackInOrder() throws IOException {
        writeUnits("dn: a\nchangetype: delete\n\n", "dn: b\nchangetype: delete\n\n");

        JournalFrames.Read read = JournalFrames.read(file(), true);

        assertThat(texts(read)).containsExactly("dn: a\nchangetype: delete\n\n", "dn: b\nchangetype: delete\n\n");
        assertThat(read.droppedBytes()).isZero();
    }

    @Test
    void halfAUnitAtTheEndIsDroppedAndCounted() throws IOException {
        writeUnits("first\n", "second\n");
        byte[] third = JournalFrames.frame(bytes("third, never acknowledged\n"));
        Files.write(file(), Arrays.copyOf(third, third.length / 2), StandardOpenOption.APPEND);

        JournalFrames.Read read = JournalFrames.read(file(), true);

        assertThat(texts(read)).containsExactly("first\n", "second\n");
        assertThat(read.droppedBytes()).isEqualTo(third.length / 2);
    }

    @Test
    void aLastUnitWithoutItsEndMarkerOrWithABadChecksumIsDropped() throws IOException {
        writeUnits("kept\n");
        byte[] unit = JournalFrames.frame(bytes("no end marker\n"));
        Files.write(file(), Arrays.copyOf(unit, unit.length - 5), StandardOpenOption.APPEND);
        assertThat(texts(JournalFrames.read(file(), true))).containsExactly("kept\n");

        writeUnitsAfterReset("kept\n");
        byte[] corrupt = JournalFrames.frame(bytes("bad checksum\n"));
        corrupt[corrupt.length - 8] ^= 1; // a payload byte
        Files.write(file(), corrupt, StandardOpenOption.APPEND);
        JournalFrames.Read read = JournalFrames.read(file(), true);
        assertThat(texts(read)).containsExactly("kept\n");
        assertThat(read.droppedBytes()).isEqualTo(corrupt.length);
    }

    private void writeUnitsAfterReset(String... payloads) throws IOException {
        Files.delete(file());
        writeUnits(payloads);
    }

    @Test
    void damageFollowedByAValidUnitStopsTheReadWithTheFileAndOffset() throws IOException {
        writeUnits("first\n", "second\n");
        byte[] data = Files.readAllBytes(file());
        int header = new String(data, StandardCharsets.US_ASCII).indexOf('\n') + 1;
        data[header] ^= 1; // the first unit's payload: acknowledged, then damaged on disk
        Files.write(file(), data);

        assertThatThrownBy(() -> JournalFrames.read(file(), true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file().toString())
                .hasMessageContaining("damaged at byte 0")
                .hasMessageContaining("checksum mismatch")
                .hasMessageContaining("a valid unit follows");
    }

    @Test
    void aTornTailIsDamageWhereNoTornTailCanBe() throws IOException {
        writeUnits("first\n");
        Files.write(file(), bytes("#unit 99 00000000\nhalf"), StandardOpenOption.APPEND);

        assertThatThrownBy(() -> JournalFrames.read(file(), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the unit is cut short");
    }

    @Test
    void writersThatAppendWhileAnotherForcesShareOneForce() throws IOException {
        try (DirectoryJournal journal = DirectoryJournal.create(file())) {
            long first = journal.append(bytes("one\n"));
            long second = journal.append(bytes("two\n"));

            journal.awaitDurable(second);
            journal.awaitDurable(first);

            assertThat(journal.syncs())
                    .as("both records in one unit, one force")
                    .isEqualTo(1);
        }
        assertThat(texts(JournalFrames.read(file(), true))).containsExactly("one\ntwo\n");
    }

    @Test
    void concurrentWritersAreAllDurableEachInItsOrder() throws Exception {
        int threads = 16;
        int each = 100;
        long syncs;
        try (DirectoryJournal journal = DirectoryJournal.create(file())) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        journal.awaitDurable(journal.append(bytes(String.format(Locale.ROOT, "%d-%03d\n", thread, i))));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            syncs = journal.syncs();
        }
        List<String> lines =
                List.of(String.join("", texts(JournalFrames.read(file(), true))).split("\n"));
        assertThat(lines).hasSize(threads * each).doesNotHaveDuplicates();
        for (int t = 0; t < threads; t++) {
            String prefix = t + "-";
            assertThat(lines.stream().filter(l -> l.startsWith(prefix)).toList())
                    .as("each writer's records in its order")
                    .isSorted()
                    .hasSize(each);
        }
        System.out.printf(
                Locale.ROOT, "group commit: %d writes by %d threads in %d forces%n", threads * each, threads, syncs);
    }

    @Test
    void rotationMovesTheFileAndGoesOnInANewOne() throws IOException {
        Path rotated = folder.resolve("directory.journal.1");
        try (DirectoryJournal journal = DirectoryJournal.create(file())) {
            journal.awaitDurable(journal.append(bytes("before\n")));
            long buffered = journal.append(bytes("buffered during the rotation\n"));
            journal.rotateTo(rotated);
            journal.awaitDurable(buffered);
            assertThat(journal.size()).isEqualTo(Files.size(file()));
        }
        assertThat(texts(JournalFrames.read(rotated, false))).containsExactly("before\n");
        assertThat(texts(JournalFrames.read(file(), true))).containsExactly("buffered during the rotation\n");
    }

    @Test
    void afterAFailureNothingMoreIsAcceptedOrAcknowledged() throws IOException {
        try (DirectoryJournal journal = DirectoryJournal.create(file())) {
            long pending = journal.append(bytes("pending\n"));
            journal.fail(new IOException("disk full"));

            assertThat(journal.failed()).isTrue();
            assertThatThrownBy(() -> journal.awaitDurable(pending)).hasMessageContaining("disk full");
            assertThatThrownBy(() -> journal.append(bytes("later\n"))).hasMessageContaining("disk full");
        }
        assertThat(JournalFrames.read(file(), true).units()).isEmpty();
    }
}
