package org.opensspr.bench;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedRequest;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Raw LDAP load on a directory: the password writes and the searches OpenSSPR does, with nothing
 * of OpenSSPR in between. {@code seed} writes an LDIF of {@code users} users ({@code user00000},
 * ...; password {@code Bench-password-<n>}) in groups of 100 under {@code dc=example,dc=org}, for
 * {@code sspr.directory.embedded.seed}. {@code run} binds as the manager and, for each concurrency,
 * runs Password Modify (RFC 3062, as {@code OpenLdapFlavor} sends it) on random users, one
 * connection per thread, then times one thread's user search ({@code LdapDirectory.findUser}'s
 * filter) and group search ({@code OpenLdapFlavor.groupsOf}'s first level). Figures are
 * printed, never asserted. {@code bench/directory-load.sh} starts a server on a fresh data dir and
 * runs both.
 *
 * {@code fsync} times appends forced to disk one by one, as the journal does for a lone writer.
 *
 * <pre>
 * java -cp bench/target/sspr-bench.jar org.opensspr.bench.DirectoryLoad fsync data/fsync.tmp 2000
 * java -cp bench/target/sspr-bench.jar org.opensspr.bench.DirectoryLoad seed 20000 seed.ldif
 * java -cp bench/target/sspr-bench.jar org.opensspr.bench.DirectoryLoad run PORT MANAGER_PASSWORD_FILE 20000 1,4,16 10
 * </pre>
 */
public final class DirectoryLoad {

    private static final String BASE = "dc=example,dc=org";
    private static final String MANAGER = "cn=Directory Manager";
    private static final int GROUP_SIZE = 100;

    private DirectoryLoad() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && "seed".equals(args[0])) {
            seed(Integer.parseInt(args[1]), Path.of(args[2]));
        } else if (args.length == 6 && "run".equals(args[0])) {
            int port = Integer.parseInt(args[1]);
            String password = Files.readString(Path.of(args[2]), StandardCharsets.US_ASCII)
                    .trim();
            int users = Integer.parseInt(args[3]);
            int seconds = Integer.parseInt(args[5]);
            for (String c : args[4].split(",", -1)) {
                writes(port, password, users, Integer.parseInt(c), seconds);
            }
            searches(port, password, users);
        } else if (args.length == 3 && "fsync".equals(args[0])) {
            fsync(Path.of(args[1]), Integer.parseInt(args[2]));
        } else {
            System.err.println(
                    "usage: DirectoryLoad seed USERS FILE | run PORT MANAGER_PASSWORD_FILE USERS C1,C2 SECONDS"
                            + " | fsync FILE COUNT");
            System.exit(2);
        }
    }

    /**
     * What one thread gets from the disk under {@code file}: {@code count} appends of a journal-sized
     * record (1 KiB), each forced as the journal forces ({@code FileChannel.force(false)}).
     */
    private static void fsync(Path file, int count) throws IOException {
        try (FileChannel channel = FileChannel.open(
                file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE)) {
            ByteBuffer record = ByteBuffer.allocate(1024);
            long[] nanos = new long[count];
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long before = System.nanoTime();
                record.clear();
                while (record.hasRemaining()) {
                    channel.write(record);
                }
                channel.force(false);
                nanos[i] = System.nanoTime() - before;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(nanos);
            System.out.printf(
                    Locale.ROOT,
                    "fsync: %d appends of 1 KiB, each forced, in %.2f s: %.0f/s; p50 %.2f ms, p99 %.2f ms%n",
                    count,
                    seconds,
                    count / seconds,
                    percentile(nanos, 0.50) / 1e6,
                    percentile(nanos, 0.99) / 1e6);
        }
    }

    static String userDn(int n) {
        return String.format(Locale.ROOT, "uid=user%05d,ou=people,%s", n, BASE);
    }

    private static void seed(int users, Path file) throws IOException {
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            out.write("dn: " + BASE + "\nobjectClass: top\nobjectClass: domain\ndc: example\n\n");
            out.write("dn: ou=people," + BASE + "\nobjectClass: top\nobjectClass: organizationalUnit\nou: people\n\n");
            out.write("dn: ou=groups," + BASE + "\nobjectClass: top\nobjectClass: organizationalUnit\nou: groups\n\n");
            for (int n = 0; n < users; n++) {
                String uid = String.format(Locale.ROOT, "user%05d", n);
                out.write(String.format(
                        Locale.ROOT,
                        "dn: %s%nobjectClass: top%nobjectClass: person%nobjectClass: organizationalPerson%n"
                                + "objectClass: inetOrgPerson%nuid: %s%ncn: User %d%nsn: %d%ngivenName: User%n"
                                + "mail: %s@example.org%nmobile: +3161%07d%nuserPassword: Bench-password-%d%n%n",
                        userDn(n),
                        uid,
                        n,
                        n,
                        uid,
                        n,
                        n));
            }
            int groups = (users + GROUP_SIZE - 1) / GROUP_SIZE;
            for (int g = 0; g < groups; g++) {
                out.write(String.format(
                        Locale.ROOT,
                        "dn: cn=group-%03d,ou=groups,%s%nobjectClass: top%nobjectClass: groupOfNames%ncn: group-%03d%n",
                        g,
                        BASE,
                        g));
                for (int n = g; n < users; n += groups) {
                    out.write("member: " + userDn(n) + "\n");
                }
                out.write("\n");
            }
        }
        System.out.printf(Locale.ROOT, "wrote %d users in groups of %d to %s%n", users, GROUP_SIZE, file);
    }

    /** {@code threads} threads write passwords for {@code seconds} (after a warm-up of 3 s). */
    private static void writes(int port, String password, int users, int threads, int seconds) throws Exception {
        AtomicLong failures = new AtomicLong();
        long warmupEnd = System.nanoTime() + 3_000_000_000L;
        long end = warmupEnd + seconds * 1_000_000_000L;
        List<long[]> latencies = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long[] mine = new long[1 << 20];
            latencies.add(mine);
            LDAPConnection connection = new LDAPConnection("127.0.0.1", port, MANAGER, password);
            SplittableRandom random = new SplittableRandom(t);
            Thread worker = new Thread(() -> {
                int count = 0;
                try (connection) {
                    for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                        int n = random.nextInt(users);
                        LDAPResult result = connection.processExtendedOperation(new PasswordModifyExtendedRequest(
                                userDn(n), null, "Bench-password-" + n + "-" + random.nextInt(1_000_000)));
                        long took = System.nanoTime() - now;
                        if (!ResultCode.SUCCESS.equals(result.getResultCode())) {
                            failures.incrementAndGet();
                        } else if (now >= warmupEnd && count + 1 < mine.length) {
                            mine[++count] = took;
                        }
                    }
                } catch (LDAPException e) {
                    failures.incrementAndGet();
                }
                mine[0] = count;
            });
            workers.add(worker);
        }
        workers.forEach(Thread::start);
        for (Thread worker : workers) {
            worker.join();
        }
        long[] all = merge(latencies);
        System.out.printf(
                Locale.ROOT,
                "password modify, %d users, c=%d: %.0f/s over %d s; latency p50 %.2f ms, p99 %.2f ms; %d failed%n",
                users,
                threads,
                all.length / (double) seconds,
                seconds,
                percentile(all, 0.50) / 1e6,
                percentile(all, 0.99) / 1e6,
                failures.get());
    }

    /**
     * One thread: the user search and the group search, each timed 5,000 times after 3,000 unmeasured,
     * or, on a slow directory, 10 s of warm-up and as many rounds as fit in 30 s.
     */
    private static void searches(int port, String password, int users) throws LDAPException {
        try (LDAPConnection connection = new LDAPConnection("127.0.0.1", port, MANAGER, password)) {
            SplittableRandom random = new SplittableRandom(42);
            String[] attributes = {"uid", "cn", "displayName", "givenName", "sn", "mail", "mobile"};
            long[] user = new long[5_000];
            long[] group = new long[5_000];
            long warm = System.nanoTime() + 10_000_000_000L;
            long deadline = Long.MAX_VALUE;
            int rounds = 0;
            for (int i = -3_000; i < user.length && System.nanoTime() < deadline; i++) {
                if (i < 0 && System.nanoTime() > warm) {
                    i = 0; // warm enough: measure from here
                }
                if (i == 0 && deadline == Long.MAX_VALUE) {
                    deadline = System.nanoTime() + 30_000_000_000L;
                }
                int n = random.nextInt(users);
                Filter byLogin = Filter.createANDFilter(
                        Filter.createEqualityFilter("objectClass", "person"),
                        Filter.createEqualityFilter("uid", String.format(Locale.ROOT, "user%05d", n)));
                Filter groups = Filter.createANDFilter(
                        Filter.createORFilter(
                                Filter.createEqualityFilter("objectClass", "groupOfNames"),
                                Filter.createEqualityFilter("objectClass", "groupOfUniqueNames")),
                        Filter.createORFilter(
                                Filter.createEqualityFilter("member", userDn(n)),
                                Filter.createEqualityFilter("uniqueMember", userDn(n))));
                long start = System.nanoTime();
                int found = connection
                        .search(BASE, SearchScope.SUB, byLogin, attributes)
                        .getEntryCount();
                long middle = System.nanoTime();
                found += connection.search(BASE, SearchScope.SUB, groups, "cn").getEntryCount();
                long stop = System.nanoTime();
                if (found != 2) {
                    throw new IllegalStateException(
                            "expected user" + n + " and one group, found " + found + " entries");
                }
                if (i >= 0) {
                    user[i] = middle - start;
                    group[i] = stop - middle;
                    rounds = i + 1;
                }
            }
            report("user search (&(objectClass=person)(uid=...))", users, Arrays.copyOf(user, rounds));
            report(
                    "group search (&(|(objectClass=...))(|(member=...)(uniqueMember=...)))",
                    users,
                    Arrays.copyOf(group, rounds));
        }
    }

    private static void report(String what, int users, long[] nanos) {
        Arrays.sort(nanos);
        System.out.printf(
                Locale.ROOT,
                "%s, %d users, c=1: p50 %.0f us, p99 %.0f us (%d samples)%n",
                what,
                users,
                percentile(nanos, 0.50) / 1e3,
                percentile(nanos, 0.99) / 1e3,
                nanos.length);
    }

    private static long[] merge(List<long[]> perThread) {
        int total = 0;
        for (long[] l : perThread) {
            total += (int) l[0];
        }
        long[] all = new long[total];
        int at = 0;
        for (long[] l : perThread) {
            System.arraycopy(l, 1, all, at, (int) l[0]);
            at += (int) l[0];
        }
        Arrays.sort(all);
        return all;
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
    }
}
