package org.opensspr.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key of the audit log's MACs, derived from the server's secret key by whoever configures
 * the server (the audit package calls no feature). Without it nobody can write an event or a
 * chain link that verifies, so an edit, a forged row or a re-chained log is found by
 * {@link AuditLog#verify()}; losing it makes the log unverifiable, not unreadable.
 */
public final class AuditKey {

    /** The purpose the key is derived for from the server's secret key. */
    public static final String PURPOSE = "audit-chain";

    private final SecretKeySpec key;

    public AuditKey(byte[] key) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("the audit key must be at least 256 bits");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** HMAC-SHA256 of {@code text} (UTF-8), in lower-case hex. */
    String mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
