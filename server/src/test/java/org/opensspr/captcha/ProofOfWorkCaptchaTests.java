package org.opensspr.captcha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensspr.MutableClock;
import org.opensspr.secrets.MasterKey;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class ProofOfWorkCaptchaTests {

    private static final String KEY =
            Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64URL_DECODER = Base64.getUrlDecoder();

    @TempDir
    Path keys;

    private final MutableClock clock = new MutableClock();
    private JdbcClient jdbc;
    private MasterKey masterKey;

    @BeforeEach
    void migrate() {
        DataSource ds =
                new DriverManagerDataSource("jdbc:h2:mem:x" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        jdbc = JdbcClient.create(ds);
        masterKey = MasterKey.load(KEY, keys);
    }

    private ProofOfWorkCaptcha captcha(int difficulty) {
        return new ProofOfWorkCaptcha(masterKey, jdbc, clock, new CaptchaProperties(difficulty));
    }

    @Test
    void issueGivesASignedUnpaddedChallengeAtTheConfiguredDifficultyForTenMinutes() {
        ProofOfWorkCaptcha.Challenge challenge = captcha(12).issue();
        assertThat(challenge.challenge()).matches("[A-Za-z0-9_-]{34}\\.[A-Za-z0-9_-]{43}");
        assertThat(challenge.difficulty()).isEqualTo(12);
        assertThat(challenge.expiresAt())
                .isBetween(
                        clock.instant().plus(Duration.ofMinutes(10)).minusSeconds(1),
                        clock.instant().plus(Duration.ofMinutes(10)));
        byte[] payload = B64URL_DECODER.decode(challenge.challenge().split("\\.")[0]);
        assertThat(payload).hasSize(25);
        assertThat(payload[24]).isEqualTo((byte) 12);
        assertThat(captcha(12).issue().challenge()).isNotEqualTo(challenge.challenge());
    }

    @Test
    void verifyWhenSolvedThenTrueOnceAndFalseOnReplay() {
        ProofOfWorkCaptcha captcha = captcha(10);
        String solution = ProofOfWorkSolver.solve(captcha.issue().challenge(), 10);
        assertThat(captcha.verify(solution)).isTrue();
        assertThat(captcha.verify(solution)).isFalse();
        String otherCounter = solutionWithOtherCounter(solution, 10);
        assertThat(captcha.verify(otherCounter))
                .as("another solution of a spent challenge")
                .isFalse();
    }

    @Test
    void verifyWhenAnotherNodeIssuedTheChallengeThenTrueAndTheOtherNodeRefusesTheReplay() {
        ProofOfWorkCaptcha nodeA = captcha(8);
        ProofOfWorkCaptcha nodeB =
                new ProofOfWorkCaptcha(MasterKey.load(KEY, keys), jdbc, clock, new CaptchaProperties(8));
        String solution = ProofOfWorkSolver.solve(nodeA.issue().challenge(), 8);
        assertThat(nodeB.verify(solution)).isTrue();
        assertThat(nodeA.verify(solution)).isFalse();
    }

    @Test
    void verifyWhenExpiredThenFalse() {
        ProofOfWorkCaptcha captcha = captcha(8);
        String late = ProofOfWorkSolver.solve(captcha.issue().challenge(), 8);
        String inTime = ProofOfWorkSolver.solve(captcha.issue().challenge(), 8);
        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertThat(captcha.verify(inTime)).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(captcha.verify(late)).isFalse();
    }

    @Test
    void verifyWhenTamperedThenFalse() {
        ProofOfWorkCaptcha captcha = captcha(8);
        String challenge = captcha.issue().challenge();
        String[] parts = challenge.split("\\.");
        byte[] payload = B64URL_DECODER.decode(parts[0]);

        byte[] nonceFlipped = payload.clone();
        nonceFlipped[3] ^= 1;
        assertThat(captcha.verify(ProofOfWorkSolver.solve(B64URL.encodeToString(nonceFlipped) + "." + parts[1], 8)))
                .isFalse();

        byte[] easier = payload.clone();
        easier[24] = 0;
        assertThat(captcha.verify(B64URL.encodeToString(easier) + "." + parts[1] + ":0"))
                .isFalse();

        byte[] longer = payload.clone();
        longer[23] ^= 1;
        assertThat(captcha.verify(ProofOfWorkSolver.solve(B64URL.encodeToString(longer) + "." + parts[1], 8)))
                .isFalse();

        byte[] mac = B64URL_DECODER.decode(parts[1]);
        mac[0] ^= (byte) 0x80;
        assertThat(captcha.verify(ProofOfWorkSolver.solve(parts[0] + "." + B64URL.encodeToString(mac), 8)))
                .isFalse();

        assertThat(captcha.verify(ProofOfWorkSolver.solve(challenge, 8)))
                .as("the untouched challenge still works")
                .isTrue();
    }

    @Test
    void verifyWhenTheSameChallengeIsEncodedDifferentlyThenFalseSoItCannotBeReplayed() {
        ProofOfWorkCaptcha captcha = captcha(4);
        String challenge = captcha.issue().challenge();
        assertThat(captcha.verify(ProofOfWorkSolver.solve(challenge, 4))).isTrue();
        // 25 bytes fill 33 1/3 base64 characters: the last payload character has 4 unused bits.
        int dot = challenge.indexOf('.');
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = challenge.charAt(dot - 1);
        String sameBytes = challenge.substring(0, dot - 1)
                + alphabet.charAt(alphabet.indexOf(last) | 1)
                + challenge.substring(dot);
        String padded = challenge.substring(0, dot) + "==" + challenge.substring(dot);
        assertThat(captcha.verify(ProofOfWorkSolver.solve(sameBytes, 4))).isFalse();
        assertThat(captcha.verify(ProofOfWorkSolver.solve(padded, 4))).isFalse();
    }

    @Test
    void verifyWhenSignedByAnotherKeyThenFalse() {
        MasterKey other = MasterKey.load(Base64.getEncoder().encodeToString(new byte[32]), keys);
        String foreign = new ProofOfWorkCaptcha(other, jdbc, clock, new CaptchaProperties(4))
                .issue()
                .challenge();
        assertThat(captcha(4).verify(ProofOfWorkSolver.solve(foreign, 4))).isFalse();
    }

    @Test
    void verifyWhenTooFewZeroBitsThenFalseAndTheChallengeStaysUsable() {
        ProofOfWorkCaptcha captcha = captcha(16);
        String challenge = captcha.issue().challenge();
        long counter = 0;
        while (leadingZeroBits(sha256(challenge + ":" + counter)) >= 16) {
            counter++;
        }
        assertThat(captcha.verify(challenge + ":" + counter)).isFalse();
        assertThat(captcha.verify(ProofOfWorkSolver.solve(challenge, 16))).isTrue();
    }

    @Test
    void verifyWhenGarbageThenFalseWithoutThrowing() {
        ProofOfWorkCaptcha captcha = captcha(0);
        String challenge = captcha.issue().challenge();
        for (String garbage : new String[] {
            null,
            "",
            ":",
            "a.b:c",
            "a.b:1",
            ".:0",
            "...:0",
            challenge,
            challenge + ":",
            challenge + ":-1",
            challenge + ":+1",
            challenge + ": 1",
            challenge + ":1a",
            challenge + ":12345678901234567890",
            challenge + "x:0",
            "x" + challenge + ":0",
            challenge.replace('.', ':') + ":0",
            challenge + "." + challenge + ":0",
            "\u00e9\u00e9." + challenge + ":0",
            "%%%%.%%%%:0",
            challenge.substring(0, 40) + ":0",
            "a".repeat(10_000) + ":1"
        }) {
            assertThat(captcha.verify(garbage)).as("%s", garbage).isFalse();
        }
        assertThat(captcha.verify(challenge + ":0")).isTrue();
    }

    @Test
    void verifyWhenDifficultyIsZeroThenTheChallengeMustStillBeSignedAndFresh() {
        ProofOfWorkCaptcha captcha = captcha(0);
        ProofOfWorkCaptcha.Challenge issued = captcha.issue();
        assertThat(issued.difficulty()).isZero();
        byte[] forged = new byte[25];
        forged[20] = 0x7f;
        String forgedChallenge = B64URL.encodeToString(forged) + "." + B64URL.encodeToString(new byte[32]);
        assertThat(captcha.verify(forgedChallenge + ":0")).isFalse();
        assertThat(captcha.verify(issued.challenge() + ":12345")).isTrue();
        assertThat(captcha.verify(issued.challenge() + ":0")).isFalse();
    }

    @Test
    void propertiesOutsideZeroToTwentyEightAreRefusedWithAMessage() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CaptchaProperties(29))
                .withMessageContaining("sspr.captcha.difficulty must be 0-28")
                .withMessageContaining("got 29");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CaptchaProperties(-1))
                .withMessageContaining("sspr.captcha.difficulty must be 0-28")
                .withMessageContaining("got -1");
        assertThat(new CaptchaProperties(null).difficulty()).isEqualTo(16);
        assertThat(new CaptchaProperties(0).difficulty()).isZero();
        assertThat(new CaptchaProperties(28).difficulty()).isEqualTo(28);
    }

    @Test
    void purgeExpiredForgetsSpentChallengesOnlyAnHourAfterTheyExpired() {
        ProofOfWorkCaptcha captcha = captcha(0);
        assertThat(captcha.verify(captcha.issue().challenge() + ":0")).isTrue();
        clock.advance(Duration.ofMinutes(30));
        String recent = captcha.issue().challenge() + ":0";
        assertThat(captcha.verify(recent)).isTrue();
        assertThat(captcha.purgeExpired()).isZero();
        clock.advance(Duration.ofMinutes(45));
        assertThat(captcha.purgeExpired()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM captcha_used")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(captcha.verify(recent)).isFalse();
    }

    @Test
    void solverFindsTheFirstCounterWithEnoughZeroBits() {
        String solution = ProofOfWorkSolver.solve("abc", 12);
        long counter = Long.parseLong(solution.substring(4));
        assertThat(leadingZeroBits(sha256(solution))).isGreaterThanOrEqualTo(12);
        for (long c = 0; c < counter; c++) {
            assertThat(leadingZeroBits(sha256("abc:" + c))).isLessThan(12);
        }
        assertThat(ProofOfWorkSolver.solve("abc", 0)).isEqualTo("abc:0");
        assertThatIllegalArgumentException().isThrownBy(() -> ProofOfWorkSolver.solve("abc", -1));
    }

    @Test
    void theEndpointAnswersAFreshChallengeThatIsNeverCached() {
        ResponseEntity<ProofOfWorkCaptcha.Challenge> response = new CaptchaController(captcha(16)).challenge();
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getCacheControl()).isEqualTo("no-store");
        assertThat(response.getBody().difficulty()).isEqualTo(16);
        assertThat(response.getBody().expiresAt()).isAfter(Instant.now(clock));
    }

    @Test
    void solveTimeAtDifficultySixteen() {
        ProofOfWorkCaptcha captcha = captcha(16);
        int rounds = 8;
        long total = 0;
        long hashes = 0;
        for (int i = 0; i < rounds; i++) {
            String challenge = captcha.issue().challenge();
            long start = System.nanoTime();
            String solution = ProofOfWorkSolver.solve(challenge, 16);
            total += System.nanoTime() - start;
            hashes += Long.parseLong(solution.substring(solution.lastIndexOf(':') + 1)) + 1;
            assertThat(captcha.verify(solution)).isTrue();
        }
        System.out.printf(
                "ProofOfWorkSolver at difficulty 16: %.1f ms and %d hashes on average over %d challenges (%.2f M hashes/s)%n",
                total / 1e6 / rounds, hashes / rounds, rounds, hashes / (total / 1e9) / 1e6);
    }

    private static String solutionWithOtherCounter(String solution, int difficulty) {
        String challenge = solution.substring(0, solution.lastIndexOf(':'));
        long counter = Long.parseLong(solution.substring(solution.lastIndexOf(':') + 1)) + 1;
        while (leadingZeroBits(sha256(challenge + ":" + counter)) < difficulty) {
            counter++;
        }
        return challenge + ":" + counter;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int leadingZeroBits(byte[] digest) {
        int bits = 0;
        for (byte b : digest) {
            if (b != 0) {
                return bits + Integer.numberOfLeadingZeros(b & 0xff) - 24;
            }
            bits += 8;
        }
        return bits;
    }
}
