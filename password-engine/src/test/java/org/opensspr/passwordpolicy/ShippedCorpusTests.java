package org.opensspr.passwordpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShippedCorpusTests {

    @Test
    void openShippedThenHoldsTheCommonPasswordsAndNotARandomOne() {
        String random = new SecureRandom()
                .ints(20, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        try (BreachedCorpus corpus = BreachedCorpus.openShipped()) {
            assertThat(corpus.contains("password")).isTrue();
            assertThat(corpus.contains("12345678")).isTrue();
            assertThat(corpus.contains("qwertyuiop")).isTrue();
            assertThat(corpus.contains("iloveyou")).isTrue();
            assertThat(corpus.contains(random)).isFalse();
            // Shorter than the length rule allows, so never asked: left out to make room for more.
            assertThat(corpus.contains("123456")).isFalse();
            assertThat(corpus.count()).isEqualTo(3_500);
        }
    }

    @Test
    void theCommittedCorpusIsTheOneTheToolBuildsFromTheCommittedList(@TempDir Path dir) throws IOException {
        List<String> passwords =
                Files.readAllLines(Path.of("tools/breached-shipped.txt"), StandardCharsets.UTF_8).stream()
                        .filter(line -> !line.startsWith("#!comment:") && !line.isEmpty())
                        .collect(Collectors.toList());
        assertThat(passwords)
                .hasSize(3_500)
                .allSatisfy(password ->
                        assertThat(password.length()).isGreaterThanOrEqualTo(PasswordSettings.LOWEST_MIN_LENGTH));
        Path rebuilt = dir.resolve("rebuilt.bin");
        BreachedCorpusWriter.writePasswords(passwords, rebuilt);

        try (InputStream shipped = BreachedCorpus.class.getResourceAsStream(BreachedCorpus.SHIPPED_RESOURCE)) {
            assertThat(shipped.readAllBytes())
                    .as("run password-engine/tools/make-shipped-corpus.sh")
                    .isEqualTo(Files.readAllBytes(rebuilt));
        }
    }
}
