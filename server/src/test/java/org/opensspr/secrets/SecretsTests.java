package org.opensspr.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTests {

    @TempDir
    Path keys;

    @Test
    void theKeyFileIsCreatedOwnerOnlyAndReusedOnTheNextStart() throws Exception {
        MasterKey first = MasterKey.load(null, keys);
        Path file = keys.resolve("master.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        MasterKey second = MasterKey.load("", keys);
        assertThat(second.derive("x")).isEqualTo(first.derive("x"));
        assertThat(first.derive("x")).isNotEqualTo(first.derive("y"));
    }

    @Test
    void aConfiguredKeyWinsAndMustBeLongEnough() {
        String configured = Base64.getEncoder().encodeToString(new byte[32]);
        assertThat(MasterKey.load(configured, keys).derive("x"))
                .isEqualTo(MasterKey.load(configured, keys).derive("x"));
        assertThat(Files.exists(keys.resolve("master.key"))).isFalse();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MasterKey.load(Base64.getEncoder().encodeToString(new byte[16]), keys));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MasterKey.load("%%%", keys))
                .withMessageContaining("base64");
    }

    @Test
    void aSealedValueOpensOnlyWithTheSameKeyAndPurposeAndNeverRepeats() {
        SecretBox box = new SecretBox(MasterKey.load(null, keys));
        String sealed = box.seal("code 12345678", "outbox");
        assertThat(sealed).doesNotContain("12345678").isNotEqualTo(box.seal("code 12345678", "outbox"));
        assertThat(box.open(sealed, "outbox")).isEqualTo("code 12345678");
        assertThatIllegalStateException().isThrownBy(() -> box.open(sealed, "totp"));
        byte[] tampered = Base64.getDecoder().decode(sealed);
        tampered[tampered.length - 1] ^= 1;
        assertThatIllegalStateException()
                .isThrownBy(() -> box.open(Base64.getEncoder().encodeToString(tampered), "outbox"));
        assertThatIllegalStateException().isThrownBy(() -> box.open("AAAA", "outbox"));
        assertThatIllegalStateException().isThrownBy(() -> box.open("not base64!", "outbox"));
        String otherKey = Base64.getEncoder().encodeToString(new byte[32]);
        assertThatIllegalStateException()
                .isThrownBy(() -> new SecretBox(MasterKey.load(otherKey, keys)).open(sealed, "outbox"));
    }

    @Test
    void codeHmacsDependOnTheKeyAndTokensAreLongAndRandom() {
        Digests one = new Digests(MasterKey.load(Base64.getEncoder().encodeToString(new byte[32]), keys));
        byte[] other = new byte[32];
        other[0] = 1;
        Digests two = new Digests(MasterKey.load(Base64.getEncoder().encodeToString(other), keys));
        assertThat(one.hmac("12345678"))
                .hasSize(64)
                .isEqualTo(one.hmac("12345678"))
                .isNotEqualTo(two.hmac("12345678"));
        assertThat(Digests.newToken()).hasSize(43).isNotEqualTo(Digests.newToken());
        assertThat(Digests.newCode(8)).matches("[0-9]{8}");
        assertThat(Digests.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Digests.constantTimeEquals("a", "a")).isTrue();
        assertThat(Digests.constantTimeEquals("a", "b")).isFalse();
    }
}
