package org.opensspr.branding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.opensspr.system.InvalidInput;
import org.opensspr.system.ProblemCode;

class LogoCheckTests {

    static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">"
            + "<defs><linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"#0b3d91\"/></linearGradient></defs>"
            + "<style>rect { stroke: #000; }</style>"
            + "<rect width=\"10\" height=\"10\" fill=\"url(#g)\"/><text x=\"1\" y=\"8\">A</text></svg>";

    static byte[] png(int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemCode refusal(byte[] content, String type) {
        try {
            LogoCheck.check(content, type);
        } catch (InvalidInput e) {
            return e.code();
        }
        throw new AssertionError("accepted");
    }

    private static ProblemCode svgRefusal(String svg) {
        return refusal(svg.getBytes(StandardCharsets.UTF_8), Logo.SVG);
    }

    @Test
    void aPngIsTakenWithItsDigest() {
        byte[] png = png(64, 32);
        Logo logo = LogoCheck.check(png, "image/png");
        assertThat(logo.contentType()).isEqualTo(Logo.PNG);
        assertThat(logo.content()).isEqualTo(png);
        assertThat(logo.sha256()).hasSize(64);
    }

    @Test
    void aDrawingSvgIsTaken() {
        assertThat(LogoCheck.check(SVG.getBytes(StandardCharsets.UTF_8), "image/svg+xml; charset=utf-8")
                        .contentType())
                .isEqualTo(Logo.SVG);
    }

    @Test
    void moreThan100KbIsRefused() {
        byte[] big = new byte[100 * 1024 + 1];
        System.arraycopy(png(1, 1), 0, big, 0, 33);
        assertThat(refusal(big, Logo.PNG)).isEqualTo(ProblemCode.LOGO_TOO_LARGE);
    }

    @Test
    void contentThatIsNotWhatItClaimsIsRefused() {
        assertThat(refusal(SVG.getBytes(StandardCharsets.UTF_8), Logo.PNG)).isEqualTo(ProblemCode.LOGO_TYPE);
        assertThat(refusal(png(2, 2), Logo.SVG)).isEqualTo(ProblemCode.LOGO_TYPE);
        assertThat(refusal(png(2, 2), "image/gif")).isEqualTo(ProblemCode.LOGO_TYPE);
        assertThat(refusal(new byte[0], Logo.PNG)).isEqualTo(ProblemCode.LOGO_TYPE);
        assertThat(svgRefusal("<html xmlns=\"http://www.w3.org/1999/xhtml\"/>")).isEqualTo(ProblemCode.LOGO_TYPE);
        assertThat(svgRefusal("<svg xmlns=\"http://www.w3.org/2000/svg\">")).isEqualTo(ProblemCode.LOGO_TYPE);
    }

    @Test
    void aPngOfHugeDimensionsIsRefusedWithoutDecodingIt() {
        byte[] png = png(1, 1);
        // IHDR width at bytes 16-19: claim 100000 pixels.
        png[16] = 0;
        png[17] = 1;
        png[18] = (byte) 0x86;
        png[19] = (byte) 0xa0;
        assertThat(refusal(png, Logo.PNG)).isEqualTo(ProblemCode.LOGO_TYPE);
    }

    @Test
    void anSvgThatCouldDoMoreThanDrawIsRefused() {
        String open = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">";
        for (String unsafe : new String[] {
            open + "<script>alert(1)</script></svg>",
            open + "<rect onload=\"alert(1)\"/></svg>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" onLoad=\"alert(1)\"/>",
            open + "<image href=\"https://evil.example/x.png\"/></svg>",
            open + "<use xlink:href=\"https://evil.example/s.svg#a\"/></svg>",
            open + "<a href=\"javascript:alert(1)\"><rect/></a></svg>",
            open + "<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject></svg>",
            open + "<rect fill=\"url(https://evil.example/f)\"/></svg>",
            open + "<rect style=\"fill: url( 'https://evil.example/f' )\"/></svg>",
            open + "<style>@import url(https://evil.example/s.css);</style></svg>",
            open + "<set attributeName=\"href\" to=\"javascript:alert(1)\"/></svg>",
            "<?xml-stylesheet href=\"https://evil.example/s.css\"?>" + open + "</svg>",
            "<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + open + "<text>&x;</text></svg>"
        }) {
            assertThat(svgRefusal(unsafe)).as(unsafe).isEqualTo(ProblemCode.LOGO_UNSAFE);
        }
    }

    @Test
    void theRefusalsAreInvalidRequests() {
        assertThatThrownBy(() -> LogoCheck.check(new byte[] {1}, Logo.PNG))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
