package org.opensspr.enrollment;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * Renders a QR code, for the otpauth URI a user scans into their authenticator app, as SVG for the
 * page and PNG where an image file is needed. Uses ZXing core only (the {@code javase} module would
 * bring nothing the JDK's ImageIO does not). Error correction level M (15 %), UTF-8 text, and the
 * four-module light quiet zone the QR standard asks for, so the code scans on a dark page too.
 * The text usually contains a secret: nothing here logs it or puts it in the SVG's title.
 */
public final class QrCode {

    /** ISO/IEC 18004: the light border around the symbol, in modules. */
    static final int QUIET_ZONE = 4;

    static final int MAX_PIXELS_PER_MODULE = 32;
    private static final String DEFAULT_TITLE = "QR code";
    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION,
            ErrorCorrectionLevel.M,
            EncodeHintType.CHARACTER_SET,
            StandardCharsets.UTF_8.name(),
            EncodeHintType.MARGIN,
            QUIET_ZONE);

    private QrCode() {}

    /** {@link #svg(String, String)} with the title "QR code". */
    public static String svg(String text) {
        return svg(text, DEFAULT_TITLE);
    }

    /**
     * A standalone SVG document: a light background, one path of dark modules (a sub-path per
     * horizontal run), {@code shape-rendering="crispEdges"} and a {@code <title>} for screen
     * readers. It has a viewBox but no size, so CSS decides how large it is.
     *
     * @param title what a screen reader says, localised by the caller; never the text itself
     * @throws IllegalArgumentException when the text is empty or too long for a QR code
     */
    public static String svg(String text, String title) {
        Objects.requireNonNull(title, "title cannot be null");
        BitMatrix modules = modules(text);
        int size = modules.getWidth();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < size; y++) {
            int x = 0;
            while (x < size) {
                if (!modules.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < size && modules.get(x, y)) {
                    x++;
                }
                int run = x - start;
                path.append('M')
                        .append(start)
                        .append(' ')
                        .append(y)
                        .append('h')
                        .append(run)
                        .append("v1h-")
                        .append(run)
                        .append('z');
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size + "\""
                + " shape-rendering=\"crispEdges\" role=\"img\">\n"
                + "<title>" + escapeXml(title) + "</title>\n"
                + "<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#fff\"/>\n"
                + "<path fill=\"#000\" d=\"" + path + "\"/>\n"
                + "</svg>\n";
    }

    /**
     * A black and white PNG, {@code pixelsPerModule} pixels for each module, quiet zone included.
     *
     * @param pixelsPerModule 1 to 32; 4 gives a code of about 150 to 300 pixels for an otpauth URI
     * @throws IllegalArgumentException when the text is empty or too long, or the scale is out of range
     */
    public static byte[] png(String text, int pixelsPerModule) {
        if (pixelsPerModule < 1 || pixelsPerModule > MAX_PIXELS_PER_MODULE) {
            throw new IllegalArgumentException(
                    "pixelsPerModule must be between 1 and " + MAX_PIXELS_PER_MODULE + ", not " + pixelsPerModule);
        }
        BitMatrix modules = modules(text);
        int pixels = modules.getWidth() * pixelsPerModule;
        BufferedImage image = new BufferedImage(pixels, pixels, BufferedImage.TYPE_BYTE_BINARY);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < pixels; y++) {
            for (int x = 0; x < pixels; x++) {
                boolean dark = modules.get(x / pixelsPerModule, y / pixelsPerModule);
                raster.setSample(x, y, 0, dark ? 0 : 1);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("ImageIO has no PNG writer");
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("could not write the QR code as PNG", ex);
        }
        return out.toByteArray();
    }

    /** One bit per module, quiet zone included; true is dark. */
    private static BitMatrix modules(String text) {
        Objects.requireNonNull(text, "text cannot be null");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("text cannot be empty");
        }
        try {
            // Width and height 0: ZXing returns the symbol at its natural size, one bit per module.
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, HINTS);
        } catch (WriterException ex) {
            throw new IllegalArgumentException(
                    "text cannot be encoded as a QR code (" + text.length() + " characters; too long?)", ex);
        }
    }

    private static String escapeXml(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
