package org.opensspr.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded directory in a JVM of its own ({@link EmbeddedDirectoryProcess}), killed with
 * SIGKILL in the middle of concurrent writes and started again on the same folder: every write a
 * client was told succeeded is there, and a write in flight is there or not, never half. Then a
 * torn unit written by hand at the end of the journal: start-up drops it and says how many bytes.
 */
class EmbeddedDirectoryCrashIntegrationTests {

    private static final Path SEED = Path.of("src/test/resources/ldap/test-org.ldif");
    private static final String BASE = "dc=test,dc=example";
    private static final int WRITERS = 8;
    private static final int USERS_PER_WRITER = 2;

    @TempDir
    Path folder;

    private final List<Process> processes = new ArrayList<>();

    /** A started directory process and everything it printed. */
    private record Started(Process process, int port, List<String> output) {}

    /** What one user last had acknowledged and, if a write was cut off, what it was writing. */
    private static final class Expected {
        volatile String description;
        volatile String password;
        volatile String descriptionInFlight;
        volatile String passwordInFlight;
    }

    @AfterEach
    void stopProcesses() throws InterruptedException {
        for (Process process : processes) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Started start() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(
                        java.toString(),
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        EmbeddedDirectoryProcess.class.getName(),
                        folder.toString(),
                        BASE,
                        SEED.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .start();
        processes.add(process);
        List<String> output = new CopyOnWriteArrayList<>();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    output.add(line);
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("output closed: " + e.getMessage());
            }
        });
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(EmbeddedDirectoryProcess.LISTENING)) {
                return new Started(
                        process, Integer.parseInt(line.substring(EmbeddedDirectoryProcess.LISTENING.length())), output);
            }
            if (line == null && !process.isAlive()) {
                fail("the directory process exited with " + process.exitValue() + ":\n" + String.join("\n", output));
            }
        }
        return fail("the directory process did not listen within 60 s:\n" + String.join("\n", output));
    }

    private LDAPConnection manager(int port) throws IOException, LDAPException {
        String password = Files.readString(folder.resolve("manager.secret"), StandardCharsets.US_ASCII)
                .trim();
        return new LDAPConnection("127.0.0.1", port, EmbeddedDirectoryServer.MANAGER_DN, password);
    }

    private static String user(int n) {
        return "uid=crash" + n + ",ou=people," + BASE;
    }

    @Test
    void everyAcknowledgedWriteSurvivesASigkillInTheMiddleOfConcurrentWrites() throws Exception {
        Started first = start();
        Map<Integer, Expected> expected = new ConcurrentHashMap<>();
        try (LDAPConnection connection = manager(first.port())) {
            for (int n = 0; n < WRITERS * USERS_PER_WRITER; n++) {
                connection.add(
                        "dn: " + user(n),
                        "objectClass: inetOrgPerson",
                        "uid: crash" + n,
                        "cn: Crash " + n,
                        "sn: Test",
                        "userPassword: Start-" + n);
                Expected e = new Expected();
                e.password = "Start-" + n;
                expected.put(n, e);
            }
        }
        AtomicInteger acknowledged = new AtomicInteger();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            Thread thread = new Thread(() -> write(first.port(), writer, expected, acknowledged));
            writers.add(thread);
            thread.start();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (acknowledged.get() < 3_000) {
            assertThat(System.nanoTime())
                    .as("3,000 writes acknowledged within 120 s")
                    .isLessThan(deadline);
            Thread.sleep(5);
        }
        first.process().destroyForcibly(); // SIGKILL while the writers are writing
        assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        for (Thread thread : writers) {
            thread.join(Duration.ofSeconds(30).toMillis());
            assertThat(thread.isAlive()).as("a writer saw the server go").isFalse();
        }
        long torn =
                JournalFrames.read(folder.resolve("directory.journal"), true).droppedBytes();

        Started second = start();

        if (torn > 0) {
            assertThat(second.output()).anyMatch(line -> line.contains("dropped its last " + torn + " bytes"));
        } else {
            assertThat(second.output()).noneMatch(line -> line.contains("dropped its last"));
        }
        System.out.printf(
                Locale.ROOT,
                "crash test: %d writes acknowledged before the kill (more in flight); %d bytes of torn tail%n",
                acknowledged.get(),
                torn);
        assertAcknowledged(second.port(), expected);

        // A torn tail by hand, the half of a unit that would delete a user: dropped, said so, not applied.
        second.process().destroyForcibly();
        assertThat(second.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        byte[] unit =
                JournalFrames.frame(("dn: " + user(0) + "\nchangetype: delete\n\n").getBytes(StandardCharsets.UTF_8));
        Files.write(
                folder.resolve("directory.journal"), Arrays.copyOf(unit, unit.length / 2), StandardOpenOption.APPEND);

        Started third = start();

        assertThat(third.output())
                .anyMatch(line ->
                        line.contains("WARN") && line.contains("dropped its last " + unit.length / 2 + " bytes"));
        assertAcknowledged(third.port(), expected);
    }

    private void assertAcknowledged(int port, Map<Integer, Expected> expected) throws IOException, LDAPException {
        try (LDAPConnection connection = manager(port)) {
            for (Map.Entry<Integer, Expected> e : expected.entrySet()) {
                String dn = user(e.getKey());
                Expected wanted = e.getValue();
                String description = connection.getEntry(dn).getAttributeValue("description");
                if (wanted.descriptionInFlight == null || !wanted.descriptionInFlight.equals(description)) {
                    assertThat(description).as("description of %s", dn).isEqualTo(wanted.description);
                }
                boolean binds = binds(port, dn, wanted.password)
                        || (wanted.passwordInFlight != null && binds(port, dn, wanted.passwordInFlight));
                assertThat(binds)
                        .as(
                                "%s binds with its acknowledged password %s (or the one in flight, %s)",
                                dn, wanted.password, wanted.passwordInFlight)
                        .isTrue();
            }
        }
    }

    /** Writes until the server goes: a description, then a password, on each of the writer's users in turn. */
    private void write(int port, int writer, Map<Integer, Expected> expected, AtomicInteger acknowledged) {
        try (LDAPConnection connection = manager(port)) {
            for (int round = 0; ; round++) {
                for (int u = 0; u < USERS_PER_WRITER; u++) {
                    int n = writer * USERS_PER_WRITER + u;
                    Expected e = expected.get(n);
                    String value = writer + "-" + round;
                    e.descriptionInFlight = value;
                    connection.modify(user(n), new Modification(ModificationType.REPLACE, "description", value));
                    e.description = value;
                    e.descriptionInFlight = null;
                    acknowledged.incrementAndGet();
                    String password = "Pw-" + value;
                    e.passwordInFlight = password;
                    ResultCode result = connection
                            .processExtendedOperation(new PasswordModifyExtendedRequest(user(n), null, password))
                            .getResultCode();
                    if (!ResultCode.SUCCESS.equals(result)) {
                        return; // not acknowledged: the server is going
                    }
                    e.password = password;
                    e.passwordInFlight = null;
                    acknowledged.incrementAndGet();
                }
            }
        } catch (LDAPException | IOException gone) {
            // the server was killed: what was in flight stays recorded as in flight
        }
    }

    private static boolean binds(int port, String dn, String password) {
        try (LDAPConnection connection = new LDAPConnection("127.0.0.1", port)) {
            return ResultCode.SUCCESS.equals(connection.bind(dn, password).getResultCode());
        } catch (LDAPException e) {
            return false;
        }
    }
}
