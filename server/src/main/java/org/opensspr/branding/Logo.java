package org.opensspr.branding;

/**
 * A checked logo ({@link LogoCheck}): a PNG or an SVG without scripts or external references.
 *
 * @param contentType {@code image/png} or {@code image/svg+xml}
 * @param sha256 the SHA-256 of the bytes, hex: the ETag and the cache-busting version in the portal's links
 */
public record Logo(String contentType, byte[] content, String sha256) {

    public static final String PNG = "image/png";
    public static final String SVG = "image/svg+xml";

    public boolean isSvg() {
        return SVG.equals(contentType);
    }
}
