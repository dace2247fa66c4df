package org.opensspr.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TotpTests {

    /** RFC 4226 Appendix D and RFC 6238 Appendix B: the ASCII secret "12345678901234567890". */
    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    /** 2009-02-13T23:31:30Z, step 37037036, 0 seconds into the step. */
    private static final long NOW = 1_111_111_110L;

    private static final long STEP = NOW / 30;

    private final Totp totp = at(NOW);

    private static Totp at(long epochSecond) {
        return new Totp(Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    @ParameterizedTest(name = "counter {0} -> {1}")
    @CsvSource({
        "0, 755224", "1, 287082", "2, 359152", "3, 969429", "4, 338314",
        "5, 254676", "6, 287922", "7, 162583", "8, 399871", "9, 520489"
    })
    void hotpMatchesTheRfc4226AppendixDVectors(long counter, String code) {
        assertThat(Totp.hotp(RFC_SECRET, counter, 6)).isEqualTo(code);
    }

    @ParameterizedTest(name = "T = {0} -> {1}")
    @CsvSource({
        "59, 94287082", "1111111109, 07081804", "1111111111, 14050471",
        "1234567890, 89005924", "2000000000, 69279037", "20000000000, 65353130"
    })
    void hotpOfTheTimeStepMatchesTheRfc6238AppendixBSha1Vectors(long epochSeconds, String code) {
        assertThat(Totp.hotp(RFC_SECRET, epochSeconds / 30, 8)).isEqualTo(code);
    }

    @Test
    void codeAtIsTheLastSixDigitsOfTheRfc6238Vector() {
        assertThat(totp.codeAt(RFC_SECRET, 1_111_111_109L / 30)).isEqualTo("081804");
        assertThat(totp.codeAt(RFC_SECRET, 59 / 30)).isEqualTo("287082");
    }

    @Test
    void currentStepIsEpochSecondsDividedByThirtyRoundedDown() {
        assertThat(at(0).currentStep()).isZero();
        assertThat(at(29).currentStep()).isZero();
        assertThat(at(30).currentStep()).isEqualTo(1);
        assertThat(at(59).currentStep()).isEqualTo(1);
        assertThat(at(20_000_000_000L).currentStep()).isEqualTo(666_666_666);
    }

    @Test
    void newSecretIsTwentyRandomBytes() {
        byte[] first = Totp.newSecret();
        assertThat(first).hasSize(20);
        assertThat(Totp.newSecret()).isNotEqualTo(first);
    }

    @Test
    void verifyWhenCodeIsForTheCurrentStepThenReturnsThatStep() {
        assertThat(totp.verify(RFC_SECRET, totp.codeAt(RFC_SECRET, STEP), Long.MIN_VALUE))
                .hasValue(STEP);
    }

    @Test
    void verifyWhenCodeIsOneStepEarlierOrLaterThenAcceptsItAndReturnsItsStep() {
        assertThat(totp.verify(RFC_SECRET, totp.codeAt(RFC_SECRET, STEP - 1), Long.MIN_VALUE))
                .hasValue(STEP - 1);
        assertThat(totp.verify(RFC_SECRET, totp.codeAt(RFC_SECRET, STEP + 1), Long.MIN_VALUE))
                .hasValue(STEP + 1);
    }

    @Test
    void verifyWhenCodeIsTwoStepsAwayThenRefusesIt() {
        assertThat(totp.verify(RFC_SECRET, totp.codeAt(RFC_SECRET, STEP - 2), Long.MIN_VALUE))
                .isEmpty();
        assertThat(totp.verify(RFC_SECRET, totp.codeAt(RFC_SECRET, STEP + 2), Long.MIN_VALUE))
                .isEmpty();
    }

    @Test
    void verifyWhenTheSameCodeIsUsedTwiceThenRefusesTheSecondTime() {
        String code = totp.codeAt(RFC_SECRET, STEP);
        OptionalLong first = totp.verify(RFC_SECRET, code, Long.MIN_VALUE);
        assertThat(first).hasValue(STEP);
        assertThat(totp.verify(RFC_SECRET, code, first.getAsLong())).isEmpty();
    }

    @Test
    void verifyWhenTheSameCodeIsReplayedInTheNextStepThenRefusesIt() {
        String code = totp.codeAt(RFC_SECRET, STEP);
        long used = totp.verify(RFC_SECRET, code, Long.MIN_VALUE).getAsLong();
        assertThat(at(NOW + 30).verify(RFC_SECRET, code, used)).isEmpty();
    }

    @Test
    void verifyWhenCodeIsForAStepBeforeTheLastUsedStepThenRefusesIt() {
        String previous = totp.codeAt(RFC_SECRET, STEP - 1);
        assertThat(totp.verify(RFC_SECRET, previous, STEP)).isEmpty();
        assertThat(totp.verify(RFC_SECRET, totp.codeAt(RFC_SECRET, STEP + 1), STEP))
                .hasValue(STEP + 1);
    }

    @Test
    void verifyWhenCodeIsWrongThenRefusesIt() {
        String code = totp.codeAt(RFC_SECRET, STEP);
        String wrong = String.format(Locale.ROOT, "%06d", (Integer.parseInt(code) + 1) % 1_000_000);
        assertThat(totp.verify(RFC_SECRET, wrong, Long.MIN_VALUE)).isEmpty();
        assertThat(totp.verify("another secret, 20 b".getBytes(StandardCharsets.US_ASCII), code, Long.MIN_VALUE))
                .isEmpty();
    }

    @Test
    void verifyWhenCodeHasSpacesThenStripsThem() {
        String code = totp.codeAt(RFC_SECRET, STEP);
        String spaced = " " + code.substring(0, 3) + " " + code.substring(3) + " ";
        assertThat(totp.verify(RFC_SECRET, spaced, Long.MIN_VALUE)).hasValue(STEP);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(
            strings = {
                "",
                "      ",
                "12345",
                "1234567",
                "12345a",
                "12-345",
                "+12345",
                "\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16",
                "123\t456",
                "0x1234"
            })
    void verifyWhenCodeIsNotSixDigitsThenRefusesIt(String code) {
        assertThat(totp.verify(RFC_SECRET, code, Long.MIN_VALUE)).isEmpty();
    }

    @Test
    void verifyWhenCodeIsNullThenRefusesIt() {
        assertThat(totp.verify(RFC_SECRET, null, Long.MIN_VALUE)).isEmpty();
    }

    @Test
    void verifyWhenSevenDigitsEndInTheRightCodeThenRefusesThem() {
        String code = totp.codeAt(RFC_SECRET, STEP);
        assertThat(totp.verify(RFC_SECRET, "1" + code, Long.MIN_VALUE)).isEmpty();
    }

    @Test
    void argumentsAreChecked() {
        assertThatNullPointerException().isThrownBy(() -> new Totp(null)).withMessage("clock cannot be null");
        assertThatNullPointerException()
                .isThrownBy(() -> totp.verify(null, "123456", 0))
                .withMessage("secret cannot be null");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> totp.codeAt(new byte[0], STEP))
                .withMessage("key cannot be empty");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Totp.hotp(RFC_SECRET, 0, 10))
                .withMessageContaining("digits");
    }
}
