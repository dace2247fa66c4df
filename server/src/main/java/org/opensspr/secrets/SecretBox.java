package org.opensspr.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for secrets that must be read back (pending messages that carry a code, TOTP
 * secrets). Each value gets a fresh 96-bit nonce; the purpose is bound in as associated data,
 * so a value encrypted for one purpose cannot be passed off as another. Tampering or a wrong key
 * fails loudly with {@link IllegalStateException}; the plaintext is never logged.
 */
public final class SecretBox {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12;

    private final SecretKeySpec key;

    public SecretBox(MasterKey masterKey) {
        this.key = new SecretKeySpec(masterKey.derive("secret-box"), "AES");
    }

    public String seal(String plaintext, String purpose) {
        return Base64.getEncoder().encodeToString(seal(plaintext.getBytes(StandardCharsets.UTF_8), purpose));
    }

    public String open(String sealed, String purpose) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("a sealed value could not be opened (wrong key or tampered data)", e);
        }
        return new String(open(bytes, purpose), StandardCharsets.UTF_8);
    }

    /** The nonce followed by the ciphertext and its 128-bit tag. */
    public byte[] seal(byte[] plaintext, String purpose) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    public byte[] open(byte[] sealed, String purpose) {
        try {
            if (sealed.length < NONCE_BYTES + 16) {
                throw new IllegalArgumentException("too short to be a sealed value");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("a sealed value could not be opened (wrong key or tampered data)", e);
        }
    }
}
