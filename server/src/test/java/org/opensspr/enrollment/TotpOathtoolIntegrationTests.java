package org.opensspr.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Interoperability with an independent implementation: OATH Toolkit's {@code oathtool} (Debian
 * package {@code oathtool}) must print the code we compute, for a random secret, at fixed times.
 */
class TotpOathtoolIntegrationTests {

    private static final DateTimeFormatter OATHTOOL_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final byte[] SECRET = Totp.newSecret();

    private static Path oathtool;

    @BeforeAll
    static void findOathtool() {
        oathtool = locate("oathtool");
        assertThat(oathtool)
                .as("oathtool is not installed (looked in PATH and /usr/bin): install the Debian package"
                        + " oathtool (apt-get install oathtool) to run this interoperability test")
                .isNotNull();
    }

    @ParameterizedTest(name = "at {0}")
    @ValueSource(
            longs = {
                0L,
                59L,
                1_111_111_109L,
                1_111_111_111L,
                1_234_567_890L,
                1_700_000_029L,
                2_000_000_000L,
                20_000_000_000L
            })
    void codeAtMatchesOathtoolForARandomSecret(long epochSecond) throws Exception {
        Totp totp = new Totp(Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));

        String expected = oathtool(Base32.encode(SECRET), Instant.ofEpochSecond(epochSecond));

        assertThat(totp.codeAt(SECRET, totp.currentStep()))
                .as("secret %s", Base32.encode(SECRET))
                .isEqualTo(expected);
        assertThat(totp.verify(SECRET, expected, Long.MIN_VALUE)).hasValue(totp.currentStep());
    }

    private static String oathtool(String base32Secret, Instant now) throws IOException, InterruptedException {
        List<String> command =
                List.of(oathtool.toString(), "--totp", "-b", base32Secret, "--now", OATHTOOL_TIME.format(now) + " UTC");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS))
                .as("oathtool finished")
                .isTrue();
        assertThat(process.exitValue())
                .as("oathtool exit code, output: %s", output)
                .isZero();
        assertThat(output).as("oathtool output").matches("\\d{6}");
        return output;
    }

    private static Path locate(String program) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String directory : path.split(File.pathSeparator)) {
                if (!directory.isEmpty()) {
                    Path candidate = Path.of(directory, program);
                    if (Files.isExecutable(candidate)) {
                        return candidate;
                    }
                }
            }
        }
        Path fallback = Path.of("/usr/bin", program);
        return Files.isExecutable(fallback) ? fallback : null;
    }
}
