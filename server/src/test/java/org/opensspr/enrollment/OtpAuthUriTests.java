package org.opensspr.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OtpAuthUriTests {

    private static final byte[] SECRET = "foobar".getBytes(StandardCharsets.US_ASCII);

    @Test
    void ofBuildsTheKeyUriFormatWithIssuerInLabelAndParameter() {
        assertThat(OtpAuthUri.of("OpenSSPR", "alice@example.org", SECRET))
                .isEqualTo("otpauth://totp/OpenSSPR:alice@example.org?secret=MZXW6YTBOI&issuer=OpenSSPR"
                        + "&algorithm=SHA1&digits=6&period=30");
    }

    @Test
    void ofEncodesSpacesAsPercentTwentyNotPlus() {
        assertThat(OtpAuthUri.of("Example Corp", "Alice Smith", SECRET))
                .startsWith("otpauth://totp/Example%20Corp:Alice%20Smith?")
                .contains("&issuer=Example%20Corp&")
                .doesNotContain("+");
    }

    @Test
    void ofPercentEncodesReservedAndNonAsciiCharactersAsUtf8() {
        String uri = OtpAuthUri.of("Zo\u00EB & Co", "a+b/c?d#e", SECRET);
        assertThat(uri)
                .startsWith("otpauth://totp/Zo%C3%AB%20%26%20Co:a%2Bb%2Fc%3Fd%23e?")
                .contains("&issuer=Zo%C3%AB%20%26%20Co&");
        URI parsed = URI.create(uri);
        assertThat(parsed.getPath()).isEqualTo("/Zo\u00EB & Co:a+b/c?d#e");
        assertThat(parsed.getQuery()).startsWith("secret=MZXW6YTBOI&issuer=Zo\u00EB & Co&");
    }

    @Test
    void ofWhenIssuerOrAccountContainsAColonThenRefusesIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OtpAuthUri.of("A:B", "alice", SECRET))
                .withMessageContaining("issuer cannot contain ':'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OtpAuthUri.of("OpenSSPR", "DOMAIN:alice", SECRET))
                .withMessageContaining("account cannot contain ':'");
    }

    @Test
    void ofWhenAnArgumentIsBlankOrEmptyThenRefusesIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OtpAuthUri.of(" ", "alice", SECRET))
                .withMessage("issuer cannot be blank");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OtpAuthUri.of("OpenSSPR", "", SECRET))
                .withMessage("account cannot be blank");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OtpAuthUri.of("OpenSSPR", "alice", new byte[0]))
                .withMessage("secret cannot be empty");
    }
}
