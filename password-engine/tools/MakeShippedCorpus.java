import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.opensspr.passwordpolicy.BreachedCorpusWriter;

/**
 * Builds the shipped corpus from tools/breached-shipped.txt (derived from zxcvbn's lists). Run by
 * make-shipped-corpus.sh with the engine's classes on the class path:
 * java -cp CLASSES MakeShippedCorpus.java LIST OUT. The list's "#!comment:" lines and blank lines
 * are skipped; every other line is one password, hashed as SHA-1 of its UTF-8 bytes.
 */
public class MakeShippedCorpus {

    public static void main(String[] args) throws Exception {
        List<String> passwords = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.startsWith("#!comment:") && !line.isEmpty())
                .collect(Collectors.toList());
        long count = BreachedCorpusWriter.writePasswords(passwords, Path.of(args[1]));
        System.out.println(args[1] + ": " + count + " hashes from " + passwords.size() + " passwords");
    }
}
