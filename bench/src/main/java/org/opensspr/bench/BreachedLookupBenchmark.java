package org.opensspr.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.opensspr.passwordpolicy.BannedTerms;
import org.opensspr.passwordpolicy.BreachedCorpus;
import org.opensspr.passwordpolicy.BreachedCorpusWriter;
import org.opensspr.passwordpolicy.PasswordContext;
import org.opensspr.passwordpolicy.PasswordRules;
import org.opensspr.passwordpolicy.PasswordSettings;
import org.opensspr.passwordpolicy.Violation;

/**
 * One breached-password lookup against a synthetic corpus of {@code hashes} SHA-1 prefixes
 * (default 100 million, an 800 MB file), in SampleTime mode so JMH prints p50, p99 and p99.9.
 * The corpus is generated in the trial setup directly in the binary format: sorted 8-byte values
 * stepping up by random gaps (as uniform as SHA-1 prefixes), merged with the prefixes of 4,096
 * known "hit" passwords; it is deleted in the teardown. The setup prints the generation time,
 * the file size and the heap the opened corpus uses (about zero: the file is memory-mapped; the
 * fork runs with -Xmx128m to make the point).
 *
 * <pre>
 * ./mvnw -B -o -q package -pl password-engine,bench -DskipTests
 * java -jar bench/target/sspr-bench.jar BreachedLookupBenchmark -f 1 -wi 2 -i 3 -w 5s -r 10s
 * java -jar bench/target/sspr-bench.jar BreachedLookupBenchmark -p hashes=1000000   # quick
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx128m")
public class BreachedLookupBenchmark {

    private static final int HITS = 4_096;
    private static final int PROBES = 1 << 16;

    @Param("100000000")
    long hashes;

    /** Percentage of probes that are in the corpus; real new passwords mostly are not. */
    @Param("10")
    int hitPercent;

    private Path file;
    private BreachedCorpus corpus;
    private String[] passwords;
    private byte[][] sha1s;
    private PasswordRules rules;
    private PasswordSettings settings;
    private static final PasswordContext CONTEXT =
            new PasswordContext("alice", "Alice", "Liddell", "alice@example.org", "Contoso");

    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup(Level.Trial)
    public void generate() throws IOException {
        SplittableRandom random = new SplittableRandom(20_241_127L);
        String[] hits = new String[HITS];
        long[] hitPrefixes = new long[HITS];
        MessageDigest sha1 = sha1();
        for (int i = 0; i < HITS; i++) {
            hits[i] = "hit-" + i + "-" + Long.toHexString(random.nextLong());
            hitPrefixes[i] = first64(sha1.digest(hits[i].getBytes(StandardCharsets.UTF_8)));
        }
        // sort as unsigned: flip the sign bit, sort signed, flip back
        for (int i = 0; i < HITS; i++) {
            hitPrefixes[i] ^= Long.MIN_VALUE;
        }
        Arrays.sort(hitPrefixes);
        for (int i = 0; i < HITS; i++) {
            hitPrefixes[i] ^= Long.MIN_VALUE;
        }

        file = Files.createTempFile("sspr-bench-breached-", ".bin");
        long started = System.nanoTime();
        long written = writeSyntheticCorpus(random, hitPrefixes);
        double seconds = (System.nanoTime() - started) / 1e9;

        long heapBefore = usedHeap();
        corpus = BreachedCorpus.open(file);
        long heapAfter = usedHeap();
        System.out.printf(
                Locale.ROOT,
                "%n[breached] generated %,d hashes (%,.1f MB) in %.1f s; heap used by the open corpus:"
                        + " %,d bytes (%,d -> %,d); max heap %,d MB%n",
                written,
                Files.size(file) / 1e6,
                seconds,
                heapAfter - heapBefore,
                heapBefore,
                heapAfter,
                Runtime.getRuntime().maxMemory() >> 20);

        passwords = new String[PROBES];
        sha1s = new byte[PROBES][];
        for (int i = 0; i < PROBES; i++) {
            passwords[i] = random.nextInt(100) < hitPercent
                    ? hits[random.nextInt(HITS)]
                    : "miss-" + Long.toHexString(random.nextLong());
            sha1s[i] = sha1.digest(passwords[i].getBytes(StandardCharsets.UTF_8));
        }
        rules = new PasswordRules(BannedTerms.global(), corpus);
        settings = PasswordSettings.defaults()
                .withCustomBannedTerms(List.of(
                        "contoso",
                        "blank",
                        "fabrikam",
                        "northwind",
                        "tailspin",
                        "woodgrove",
                        "litware",
                        "adventure",
                        "wingtip",
                        "proseware",
                        "fourthcoffee",
                        "margie",
                        "lucerne",
                        "humongous",
                        "trey",
                        "coho",
                        "alpine",
                        "datum",
                        "relecloud",
                        "munson"));
        long hitsFound = Arrays.stream(hits).filter(corpus::contains).count();
        long found = Arrays.stream(passwords).filter(corpus::contains).count();
        System.out.printf(
                Locale.ROOT,
                "[breached] %,d of %,d hit passwords found; %,d of %,d probe passwords are in the corpus%n",
                hitsFound,
                HITS,
                found,
                PROBES);
    }

    /** Sorted values with random gaps averaging a little under 2^64 / hashes, merged with the hits. */
    private long writeSyntheticCorpus(SplittableRandom random, long[] hitPrefixes) throws IOException {
        long meanGap = Long.divideUnsigned(-1L, hashes + hashes / 100 + 1);
        long maxGap = Math.max(1, 2 * Math.min(meanGap, Long.MAX_VALUE / 2));
        byte[] record = new byte[8];
        int nextHit = 0;
        long value = 0;
        try (BreachedCorpusWriter writer = BreachedCorpusWriter.create(file, hashes)) {
            for (long i = 0; i < hashes; i++) {
                long next = value + 1 + random.nextLong(maxGap);
                if (Long.compareUnsigned(next, value) < 0) {
                    break;
                }
                value = next;
                while (nextHit < hitPrefixes.length && Long.compareUnsigned(hitPrefixes[nextHit], value) <= 0) {
                    add(writer, record, hitPrefixes[nextHit++]);
                }
                add(writer, record, value);
            }
            while (nextHit < hitPrefixes.length) {
                add(writer, record, hitPrefixes[nextHit++]);
            }
            return writer.commit();
        }
    }

    @Benchmark
    public boolean contains(Cursor cursor) {
        return corpus.contains(passwords[cursor.next++ & (PROBES - 1)]);
    }

    /** The lookup alone, without SHA-1 hashing of the password. */
    @Benchmark
    public boolean containsSha1(Cursor cursor) {
        return corpus.containsSha1(sha1s[cursor.next++ & (PROBES - 1)]);
    }

    /**
     * One evaluation with all rules, as the strength meter asks on each keystroke: lengths,
     * control characters, the banned-term score over the global list, 20 custom terms and the
     * user's context, then the breached lookup in this corpus.
     */
    @Benchmark
    public List<Violation> evaluateAllRules(Cursor cursor) {
        return rules.evaluate(passwords[cursor.next++ & (PROBES - 1)], CONTEXT, settings);
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        corpus.close();
        Files.deleteIfExists(file);
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder()
                        .include(BreachedLookupBenchmark.class.getSimpleName())
                        .build())
                .run();
    }

    private static void add(BreachedCorpusWriter writer, byte[] record, long value) throws IOException {
        for (int i = 7; i >= 0; i--) {
            record[i] = (byte) value;
            value >>>= 8;
        }
        writer.add(record);
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long first64(byte[] hash) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (hash[i] & 0xff);
        }
        return value;
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
