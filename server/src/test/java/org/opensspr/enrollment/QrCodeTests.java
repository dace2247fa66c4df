package org.opensspr.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

class QrCodeTests {

    private static final String URI =
            OtpAuthUri.of("OpenSSPR", "alice@example.org", "12345678901234567890".getBytes(StandardCharsets.US_ASCII));
    private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z");

    @Test
    void pngOfTheOtpAuthUriDecodesBackToTheSameText() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCode.png(URI, 4)));

        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(image.getHeight()).isEqualTo(modulesWithQuietZone() * 4);
        assertThat(decode(image)).isEqualTo(URI);
    }

    @Test
    void pngHasALightQuietZoneOfFourModules() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCode.png(URI, 3)));
        int border = 4 * 3;
        for (int i = 0; i < image.getWidth(); i++) {
            for (int j = 0; j < border; j++) {
                assertThat(image.getRGB(i, j) & 0xffffff).as("top %d,%d", i, j).isEqualTo(0xffffff);
                assertThat(image.getRGB(j, i) & 0xffffff).as("left %d,%d", j, i).isEqualTo(0xffffff);
            }
        }
        assertThat(image.getRGB(border, border) & 0xffffff)
                .as("finder pattern corner")
                .isZero();
    }

    @Test
    void pngOfNonAsciiTextRoundTripsAsUtf8() throws Exception {
        String text = "otpauth://totp/Zo\u00EB%20%E2%9C%93?x=\u00E9\u20AC\u4E2D";
        assertThat(decode(ImageIO.read(new ByteArrayInputStream(QrCode.png(text, 2)))))
                .isEqualTo(text);
    }

    @Test
    void svgIsWellFormedXmlWithATitleAndCrispEdges() throws Exception {
        Document svg = parse(QrCode.svg(URI));
        Element root = svg.getDocumentElement();

        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(root.getAttribute("shape-rendering")).isEqualTo("crispEdges");
        assertThat(root.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title")
                        .item(0)
                        .getTextContent())
                .isEqualTo("QR code");
        assertThat(root.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path")
                        .getLength())
                .isEqualTo(1);
    }

    @Test
    void svgTitleIsEscapedAndNeverTheText() throws Exception {
        String xml = QrCode.svg(URI, "Scan <this> & \"that\"");
        Document svg = parse(xml);

        assertThat(svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title")
                        .item(0)
                        .getTextContent())
                .isEqualTo("Scan <this> & \"that\"");
        assertThat(xml).doesNotContain("otpauth").doesNotContain("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    }

    @Test
    void svgPathDrawsTheSameSymbolThatDecodesBackToTheText() throws Exception {
        Element root = parse(QrCode.svg(URI)).getDocumentElement();
        String[] viewBox = root.getAttribute("viewBox").split(" ");
        int size = Integer.parseInt(viewBox[2]);
        assertThat(size).isEqualTo(modulesWithQuietZone());
        String path = ((Element) root.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path")
                        .item(0))
                .getAttribute("d");

        int scale = 4;
        BufferedImage image = new BufferedImage(size * scale, size * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, size * scale, size * scale);
        graphics.setColor(Color.BLACK);
        Matcher run = RUN.matcher(path);
        int end = 0;
        while (run.find()) {
            assertThat(run.start()).as("path has only runs").isEqualTo(end);
            end = run.end();
            int x = Integer.parseInt(run.group(1));
            int y = Integer.parseInt(run.group(2));
            int width = Integer.parseInt(run.group(3));
            assertThat(x).isGreaterThanOrEqualTo(4).isLessThan(size - 4);
            assertThat(y).isGreaterThanOrEqualTo(4).isLessThan(size - 4);
            graphics.fillRect(x * scale, y * scale, width * scale, scale);
        }
        graphics.dispose();
        assertThat(end).isEqualTo(path.length());
        assertThat(decode(image)).isEqualTo(URI);
    }

    @Test
    void argumentsAreChecked() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> QrCode.png(URI, 0))
                .withMessageContaining("pixelsPerModule");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> QrCode.png(URI, 33))
                .withMessageContaining("pixelsPerModule");
        assertThatIllegalArgumentException().isThrownBy(() -> QrCode.svg("")).withMessage("text cannot be empty");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> QrCode.svg("x".repeat(5000)))
                .withMessageContaining("too long");
    }

    private static int modulesWithQuietZone() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCode.png(URI, 1)));
        return image.getWidth();
    }

    private static String decode(BufferedImage image) throws Exception {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        LuminanceSource source = new RGBLuminanceSource(width, height, pixels);
        return new QRCodeReader()
                .decode(
                        new BinaryBitmap(new HybridBinarizer(source)),
                        Map.of(DecodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name()))
                .getText();
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }
}
