import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.opensspr.passwordpolicy.BannedTerms;
import org.opensspr.passwordpolicy.PasswordNormalizer;

/**
 * The figures of docs/banned-terms.md, "Evidence for the extra substitutions": how many leetspeak
 * variants of top passwords, and what share of random strings, the global list refuses with Azure's
 * four substitutions and with ours. Run with the engine's classes on the class path:
 * java -cp password-engine/target/classes password-engine/tools/MeasureBannedList.java [LIST]
 * (LIST defaults to the shipped banned-terms.txt). Fixed seeds, so the figures repeat.
 */
public class MeasureBannedList {

    static final List<String> LEETSPEAK = List.of(
            "P@55w0rd",
            "W!nt3r2024",
            "Dr4g0n!!",
            "M0nk3y12",
            "$unsh1n3",
            "Pr1nc3ss",
            "F00tb4ll",
            "Sh4d0w99",
            "L3tm31n!",
            "W3lc0m3!",
            "Qw3rty12",
            "B4s3b4ll",
            "Tr0ub4dor",
            "M4st3r12",
            "Summ3r22");
    static final String LOWER_DIGITS = "abcdefghijklmnopqrstuvwxyz0123456789";
    static final String SYMBOLS_69 = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#%&*-_";
    static final int TRIES = 20_000;

    public static void main(String[] args) throws Exception {
        Path list = Path.of(
                args.length > 0
                        ? args[0]
                        : "password-engine/src/main/resources/org/opensspr/passwordpolicy/banned-terms.txt");
        List<String> terms = Files.readAllLines(list, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();
        BannedTerms azure = BannedTerms.of(terms, PasswordNormalizer.AZURE);
        BannedTerms ours = BannedTerms.of(terms, PasswordNormalizer.DEFAULT);
        System.out.printf("%s: %d terms, index %d KiB%n", list, terms.size(), ours.bytes() / 1024);
        System.out.printf("%-44s %12s %8s%n", "", "Azure's four", "ours");
        System.out.printf(
                "%-44s %12d %8d   (refused: %s)%n",
                LEETSPEAK.size() + " leetspeak variants refused",
                refused(azure, LEETSPEAK),
                refused(ours, LEETSPEAK),
                LEETSPEAK.stream()
                        .filter(p -> ours.score(p) < BannedTerms.MIN_SCORE)
                        .toList());
        System.out.printf(
                "%-44s %12s %8s   (our misses: %s)%n",
                "",
                "",
                "",
                LEETSPEAK.stream()
                        .filter(p -> ours.score(p) >= BannedTerms.MIN_SCORE)
                        .toList());
        random("random 8 characters from a-z0-9 refused", LOWER_DIGITS, 8, azure, ours);
        random("random 10 characters from a-z0-9 refused", LOWER_DIGITS, 10, azure, ours);
        random("random 8 characters from 69 symbols refused", SYMBOLS_69, 8, azure, ours);
    }

    static int refused(BannedTerms terms, List<String> passwords) {
        return (int) passwords.stream()
                .filter(p -> terms.score(p) < BannedTerms.MIN_SCORE)
                .count();
    }

    static void random(String title, String alphabet, int length, BannedTerms azure, BannedTerms ours) {
        Random random = new Random(2026);
        int byAzure = 0;
        int byOurs = 0;
        for (int i = 0; i < TRIES; i++) {
            StringBuilder password = new StringBuilder(length);
            for (int j = 0; j < length; j++) {
                password.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            byAzure += azure.score(password.toString()) < BannedTerms.MIN_SCORE ? 1 : 0;
            byOurs += ours.score(password.toString()) < BannedTerms.MIN_SCORE ? 1 : 0;
        }
        System.out.printf(
                "%-44s %11.2f%% %7.2f%%   (%,d tries)%n",
                title, 100.0 * byAzure / TRIES, 100.0 * byOurs / TRIES, TRIES);
    }
}
