package org.opensspr.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Base32Tests {

    @ParameterizedTest(name = "\"{0}\" <-> \"{1}\"")
    @CsvSource(
            value = {
                "'', ''",
                "f, MY",
                "fo, MZXQ",
                "foo, MZXW6",
                "foob, MZXW6YQ",
                "fooba, MZXW6YTB",
                "foobar, MZXW6YTBOI"
            })
    void encodeAndDecodeMatchTheRfc4648Section10VectorsWithoutPadding(String plain, String encoded) {
        byte[] bytes = plain.getBytes(StandardCharsets.US_ASCII);
        assertThat(Base32.encode(bytes)).isEqualTo(encoded);
        assertThat(Base32.decode(encoded)).isEqualTo(bytes);
    }

    @Test
    void decodeIgnoresPadding() {
        assertThat(Base32.decode("MZXW6YQ=")).isEqualTo(ascii("foob"));
        assertThat(Base32.decode("MY======")).isEqualTo(ascii("f"));
    }

    @Test
    void roundTripOfRandomBytesOfEveryLengthUpToFortyIsLossless() {
        Random random = new Random(6238);
        for (int length = 0; length <= 40; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            String encoded = Base32.encode(bytes);
            assertThat(encoded).matches("[A-Z2-7]*").doesNotContain("=");
            assertThat(Base32.decode(encoded)).isEqualTo(bytes);
        }
    }

    @Test
    void aTotpSecretIsThirtyTwoCharacters() {
        assertThat(Base32.encode(Totp.newSecret())).hasSize(32);
    }

    @Test
    void decodeAcceptsLowerCaseAndSpaces() {
        assertThat(Base32.decode("mzxw 6ytb oi")).isEqualTo(ascii("foobar"));
        assertThat(Base32.decode(" MzXw6YtBoI ")).isEqualTo(ascii("foobar"));
    }

    @Test
    void decodeWhenACharacterIsOutsideTheAlphabetThenSaysWhichAndWhere() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Base32.decode("MZXW1YTB"))
                .withMessageContaining("'1'")
                .withMessageContaining("index 4")
                .withMessageContaining("A-Z");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Base32.decode("MZXW-6YTB"))
                .withMessageContaining("'-'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Base32.decode("MZXW8YTB"))
                .withMessageContaining("'8'");
    }

    @Test
    void decodeWhenTheLengthCannotComeFromWholeBytesThenRefusesIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Base32.decode("M"))
                .withMessageContaining("length");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Base32.decode("MZX"))
                .withMessageContaining("length");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Base32.decode("MZXW6Y"))
                .withMessageContaining("length");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
