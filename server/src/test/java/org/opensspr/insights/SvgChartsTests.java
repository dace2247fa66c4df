package org.opensspr.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

class SvgChartsTests {

    private static final SvgCharts.Texts TEXTS =
            new SvgCharts.Texts("Resets by method", "Password resets per method in November", "No resets yet");

    @Test
    void barLengthsAreProportionalToTheirValues() throws Exception {
        Document svg = parse(SvgCharts.barChart(
                TEXTS,
                List.of(new SvgCharts.Bar("email", 40), new SvgCharts.Bar("sms", 10), new SvgCharts.Bar("totp", 0))));
        List<Element> bars = bars(svg);
        assertThat(bars).hasSize(3);
        double email = number(bars.get(0), "width");
        assertThat(email).isPositive();
        assertThat(number(bars.get(1), "width") / email).isCloseTo(0.25, within());
        assertThat(number(bars.get(2), "width")).isZero();
        assertThat(texts(svg)).contains("email", "sms", "totp", "40", "10", "0");
    }

    @Test
    void stackedBarHeightsAreProportionalToTheirValuesAndStackWithoutGaps() throws Exception {
        Document svg = parse(SvgCharts.stackedBars(
                TEXTS,
                List.of("1 Nov", "2 Nov", "3 Nov"),
                List.of(
                        new SvgCharts.Series("Browser", List.of(2L, 0L, 4L)),
                        new SvgCharts.Series("Api", List.of(2L, 0L, 0L)))));
        List<Element> bars = bars(svg);
        assertThat(bars).as("no rectangle for a zero").hasSize(3);
        double unit = number(bars.get(0), "height") / 2;
        assertThat(number(bars.get(1), "height")).isCloseTo(2 * unit, within());
        assertThat(number(bars.get(2), "height")).isCloseTo(4 * unit, within());
        // Api sits on Browser: its bottom is Browser's top; both days' bars end on the same baseline.
        assertThat(number(bars.get(1), "y") + number(bars.get(1), "height"))
                .isCloseTo(number(bars.get(0), "y"), within());
        assertThat(number(bars.get(0), "y") + number(bars.get(0), "height"))
                .isCloseTo(number(bars.get(2), "y") + number(bars.get(2), "height"), within());
        assertThat(number(bars.get(1), "y"))
                .as("the tallest total reaches the top")
                .isCloseTo(number(bars.get(2), "y"), within());
        assertThat(bars.get(0).getAttribute("fill")).isNotEqualTo(bars.get(1).getAttribute("fill"));
        assertThat(svg.getElementsByTagName("rect").getLength() - bars.size())
                .as("a legend swatch per series")
                .isEqualTo(2);
        assertThat(texts(svg)).contains("Browser", "Api", "1 Nov", "4");
        assertThat(bars.get(2).getTextContent()).isEqualTo("3 Nov, Browser: 4");
    }

    @Test
    void emptyOrAllZeroDataSaysThereIsNoDataAndDrawsNoScale() throws Exception {
        for (String chart : List.of(
                SvgCharts.barChart(TEXTS, List.of()),
                SvgCharts.barChart(TEXTS, List.of(new SvgCharts.Bar("email", 0))),
                SvgCharts.stackedBars(TEXTS, List.of(), List.of()),
                SvgCharts.stackedBars(
                        TEXTS, List.of("1 Nov"), List.of(new SvgCharts.Series("Browser", List.of(0L)))))) {
            Document svg = parse(chart);
            assertThat(svg.getElementsByTagName("rect").getLength()).isZero();
            assertThat(svg.getElementsByTagName("line").getLength()).isZero();
            assertThat(texts(svg)).containsExactly("No resets yet");
            assertThat(title(svg)).isEqualTo("Resets by method");
        }
    }

    @Test
    void labelsAndTextsAreEscaped() throws Exception {
        String evil = "<script>alert('x')</script> & \"quotes\" \u0007";
        String chart = SvgCharts.stackedBars(
                new SvgCharts.Texts(evil, evil, evil), List.of(evil), List.of(new SvgCharts.Series(evil, List.of(1L))));
        assertThat(chart).doesNotContain("<script").doesNotContain("\u0007");
        Document svg = parse(chart);
        String expected = "<script>alert('x')</script> & \"quotes\" \uFFFD";
        assertThat(title(svg)).isEqualTo(expected);
        assertThat(svg.getElementsByTagName("desc").item(0).getTextContent()).isEqualTo(expected);
        assertThat(texts(svg)).contains(expected);
        assertThat(parse(SvgCharts.barChart(TEXTS, List.of(new SvgCharts.Bar(evil, 3))))
                        .getElementsByTagName("script")
                        .getLength())
                .isZero();
    }

    @Test
    void chartsAreAccessibleImagesWithoutScriptsStylesHandlersOrReferences() throws Exception {
        for (String chart : List.of(
                SvgCharts.barChart(TEXTS, List.of(new SvgCharts.Bar("email", 3))),
                SvgCharts.stackedBars(TEXTS, List.of("a"), List.of(new SvgCharts.Series("s", List.of(1L)))),
                SvgCharts.barChart(TEXTS, List.of()))) {
            Document svg = parse(chart);
            Element root = svg.getDocumentElement();
            assertThat(root.getTagName()).isEqualTo("svg");
            assertThat(root.getAttribute("role")).isEqualTo("img");
            assertThat(((Element) root.getFirstChild()).getTagName()).isEqualTo("title");
            assertThat(svg.getElementsByTagName("desc").item(0).getTextContent())
                    .isEqualTo("Password resets per method in November");
            assertThat(svg.getElementsByTagName("script").getLength()).isZero();
            assertThat(svg.getElementsByTagName("style").getLength()).isZero();
            NodeList all = svg.getElementsByTagName("*");
            for (int i = 0; i < all.getLength(); i++) {
                NamedNodeMap attributes = all.item(i).getAttributes();
                for (int a = 0; a < attributes.getLength(); a++) {
                    String name = attributes.item(a).getNodeName().toLowerCase(Locale.ROOT);
                    assertThat(name)
                            .doesNotStartWith("on")
                            .isNotEqualTo("style")
                            .doesNotContain("href");
                    assertThat(attributes.item(a).getNodeValue())
                            .doesNotContain("url(")
                            .doesNotContain("javascript:");
                }
            }
        }
    }

    @Test
    void everyColourHasAaContrastAgainstWhite() {
        List<String> colours = new ArrayList<>(SvgCharts.PALETTE);
        colours.add(SvgCharts.TEXT);
        colours.add(SvgCharts.AXIS);
        for (String colour : colours) {
            assertThat(contrastWithWhite(colour)).as(colour).isGreaterThanOrEqualTo(4.5);
        }
        assertThat(SvgCharts.colour(SvgCharts.PALETTE.size())).isEqualTo(SvgCharts.PALETTE.get(0));
    }

    @Test
    void aSeriesWithoutOneValuePerCategoryOrANegativeValueIsRefused() {
        assertThatThrownBy(() -> SvgCharts.stackedBars(
                        TEXTS, List.of("a", "b"), List.of(new SvgCharts.Series("s", List.of(1L)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one value per category");
        assertThatThrownBy(() -> new SvgCharts.Bar("x", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** WCAG 2.x contrast ratio of an sRGB colour against white. */
    private static double contrastWithWhite(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        double luminance = 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
        return 1.05 / (luminance + 0.05);
    }

    private static double channel(int value) {
        double c = (value & 0xFF) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document =
                factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        return document;
    }

    private static List<Element> bars(Document svg) {
        List<Element> bars = new ArrayList<>();
        NodeList rects = svg.getElementsByTagName("rect");
        for (int i = 0; i < rects.getLength(); i++) {
            Element rect = (Element) rects.item(i);
            if (rect.getAttribute("class").equals("bar")) {
                bars.add(rect);
            }
        }
        return bars;
    }

    private static List<String> texts(Document svg) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = svg.getElementsByTagName("text");
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    private static String title(Document svg) {
        return svg.getElementsByTagName("title").item(0).getTextContent();
    }

    private static double number(Element element, String attribute) {
        return Double.parseDouble(element.getAttribute(attribute));
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(0.02);
    }
}
