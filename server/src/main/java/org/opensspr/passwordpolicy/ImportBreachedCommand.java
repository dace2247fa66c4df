package org.opensspr.passwordpolicy;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code sspr-server import-breached FILE|FOLDER [--out PATH] [--hash-bytes N] [--sspr.data-dir=DIR]}:
 * builds the binary breached-password corpus from the public Pwned Passwords text format (see
 * {@link PwnedPasswordsImporter}) without starting Spring. The default output is
 * {@code <data-dir>/breached/pwned.bin}; the data dir is {@code --sspr.data-dir}, else the system
 * property {@code sspr.data-dir}, else {@code SSPR_DATA_DIR}, else {@code ./data}. Progress goes
 * to stderr, the summary to stdout. Exit codes: 0 done, 2 bad input or usage, 1 other I/O errors.
 */
public final class ImportBreachedCommand {

    /** The first command-line argument that selects this command instead of the server. */
    public static final String NAME = "import-breached";

    static final String USAGE = "usage: sspr-server import-breached FILE|FOLDER [--out PATH] [--hash-bytes 8..20]"
            + " [--sspr.data-dir=DIR]";

    private ImportBreachedCommand() {}

    /** Runs the command with the arguments after {@link #NAME} and exits the JVM with its exit code. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, interactive()));
    }

    /**
     * Whether we run in a terminal (stdin and stdout not redirected), as {@code System.console() != null}
     * said up to JDK 21. JDK 22 to 24 return a console even when they are redirected; there only
     * {@code Console.isTerminal()} (JDK 22+, so called reflectively: we compile for 17) tells.
     */
    @SuppressWarnings("SystemConsoleNull") // the null check is the pre-22 answer; isTerminal() decides after
    private static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            throw new LinkageError(e.getMessage(), e);
        }
    }

    /** Runs the command; returns the exit code. {@code terminal}: draw a redrawn bar rather than lines. */
    static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        Path source = null;
        String outArgument = null;
        String dataDir = null;
        int hashBytes = 8;
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("-h") || arg.equals("--help")) {
                    out.println(USAGE);
                    return 0;
                } else if (arg.equals("--out") || arg.startsWith("--out=")) {
                    outArgument = value(args, arg.equals("--out") ? ++i : -1, arg);
                } else if (arg.equals("--sspr.data-dir") || arg.startsWith("--sspr.data-dir=")) {
                    dataDir = value(args, arg.equals("--sspr.data-dir") ? ++i : -1, arg);
                } else if (arg.equals("--hash-bytes") || arg.startsWith("--hash-bytes=")) {
                    hashBytes = Integer.parseInt(value(args, arg.equals("--hash-bytes") ? ++i : -1, arg));
                } else if (arg.startsWith("-") || source != null) {
                    throw new IllegalArgumentException("unexpected argument " + arg);
                } else {
                    source = Path.of(arg);
                }
            }
            if (source == null) {
                throw new IllegalArgumentException("name the Pwned Passwords file or folder to import");
            }
            if (hashBytes < 8 || hashBytes > 20) {
                throw new IllegalArgumentException("--hash-bytes must be 8 to 20");
            }
        } catch (IllegalArgumentException e) {
            err.println("import-breached: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Path target = outArgument != null
                ? Path.of(outArgument)
                : dataDirectory(dataDir).resolve("breached").resolve("pwned.bin");
        return importCorpus(source, target, hashBytes, out, err, terminal);
    }

    private static int importCorpus(
            Path source, Path target, int hashBytes, PrintStream out, PrintStream err, boolean terminal) {
        long started = System.nanoTime();
        err.println("import-breached: " + source + " -> " + target);
        try {
            long count = PwnedPasswordsImporter.importCorpus(
                    source, target, hashBytes, new ImportProgressBar(err, terminal, System::nanoTime));
            out.printf(
                    Locale.ROOT,
                    "imported %,d hashes into %s (%,.1f MB) in %.1f s%n",
                    count,
                    target,
                    Files.size(target) / 1e6,
                    (System.nanoTime() - started) / 1e9);
            return 0;
        } catch (MalformedCorpusException e) {
            err.println();
            err.println("import-breached: " + e.getMessage());
            return 2;
        } catch (NoSuchFileException e) {
            err.println("import-breached: no such file or folder: " + e.getFile());
            return 2;
        } catch (IOException e) {
            err.println();
            err.println("import-breached: failed: " + e);
            return 1;
        }
    }

    private static String value(String[] args, int index, String arg) {
        int equals = arg.indexOf('=');
        if (index < 0 && equals > 0) {
            return arg.substring(equals + 1);
        }
        if (index < 0 || index >= args.length || args[index].isEmpty()) {
            throw new IllegalArgumentException(arg + " needs a value");
        }
        return args[index];
    }

    private static Path dataDirectory(String argument) {
        if (argument != null) {
            return Path.of(argument);
        }
        String property = System.getProperty("sspr.data-dir");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String environment = System.getenv("SSPR_DATA_DIR");
        return Path.of(environment != null && !environment.isBlank() ? environment : "./data");
    }
}
