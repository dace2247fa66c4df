package org.opensspr.insights;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Charts as SVG strings, drawn on the server for the admin console: a horizontal bar chart and a
 * stacked-bar-over-time chart with a legend. Built for the portal's CSP ({@code default-src 'self'},
 * no inline style): no script, no event handler, no {@code style} attribute, no external reference
 * (no {@code href}, fonts or images), presentation attributes only. Accessible: {@code role="img"}
 * with a {@code <title>} and {@code <desc>}, every label and value as text, each bar with a
 * {@code <title>} of its own. Every text is XML-escaped (characters XML cannot hold become U+FFFD).
 * Colours have a contrast of at least 4.5:1 against white (WCAG AA). A chart with no data, or only
 * zeros, draws no axis and no scale: it says {@link Texts#noData()}. The texts come from the caller,
 * in the reader's language; the charts add none of their own.
 */
public final class SvgCharts {

    /** Series colours, in order; each at least 4.5:1 against white. */
    static final List<String> PALETTE =
            List.of("#1f5fa8", "#b3261e", "#1e7a34", "#6f42c1", "#8a5300", "#00707a", "#a3286a", "#4d4d4d");

    static final String TEXT = "#1a1a1a";
    static final String AXIS = "#595959";

    private static final int WIDTH = 640;
    private static final int PAD = 16;
    private static final int ROW = 40;
    private static final int BAR_THICKNESS = 14;
    private static final int VALUE_ROOM = 64;
    private static final int AXIS_ROOM = 48;
    private static final int PLOT_HEIGHT = 200;
    private static final int LEGEND_ROW = 20;
    private static final int LEGEND_ITEM = 150;
    private static final int MAX_CATEGORY_LABELS = 8;

    private SvgCharts() {}

    /** The chart's accessible name, its description and what it says when there is nothing to draw. */
    public record Texts(String title, String description, String noData) {
        public Texts {
            Objects.requireNonNull(title, "title cannot be null");
            Objects.requireNonNull(description, "description cannot be null");
            Objects.requireNonNull(noData, "noData cannot be null");
        }
    }

    /** One bar: its label and its value (zero or more). */
    public record Bar(String label, long value) {
        public Bar {
            Objects.requireNonNull(label, "label cannot be null");
            if (value < 0) {
                throw new IllegalArgumentException("a bar's value cannot be negative: " + value);
            }
        }
    }

    /** One stacked series: its name (in the legend) and a value (zero or more) per category. */
    public record Series(String name, List<Long> values) {
        public Series {
            Objects.requireNonNull(name, "name cannot be null");
            values = List.copyOf(values);
            if (values.stream().anyMatch(v -> v < 0)) {
                throw new IllegalArgumentException("series '" + name + "' cannot hold a negative value");
            }
        }
    }

    /**
     * Horizontal bars, one row per bar in the given order: the label above the bar, the value after
     * it; a bar's length is its value over the largest value.
     */
    public static String barChart(Texts texts, List<Bar> bars) {
        long max = bars.stream().mapToLong(Bar::value).max().orElse(0);
        if (max == 0) {
            return noData(texts);
        }
        int height = PAD + bars.size() * ROW + PAD;
        double room = WIDTH - 2.0 * PAD - VALUE_ROOM;
        StringBuilder svg = open(texts, height);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int top = PAD + i * ROW;
            double length = room * bar.value() / max;
            text(svg, PAD, top + 12, "start", bar.label());
            svg.append("<rect class=\"bar\" x=\"")
                    .append(PAD)
                    .append("\" y=\"")
                    .append(top + 18)
                    .append("\" width=\"")
                    .append(number(length))
                    .append("\" height=\"")
                    .append(BAR_THICKNESS)
                    .append("\" fill=\"")
                    .append(PALETTE.get(0))
                    .append("\"><title>")
                    .append(escape(bar.label() + ": " + bar.value()))
                    .append("</title></rect>");
            text(svg, PAD + length + 6, top + 30, "start", Long.toString(bar.value()));
        }
        return svg.append("</svg>").toString();
    }

    /**
     * Stacked vertical bars, one per category (a day) in the given order, the series stacked from
     * the bottom in the given order, with a legend below. A bar's height is its total over the
     * largest total; each part's height is its value on the same scale. The axis names 0 and the
     * largest total; at most {@value #MAX_CATEGORY_LABELS} category labels are written under the bars,
     * evenly spaced, and every part names its category, series and value in its own {@code <title>}.
     *
     * @throws IllegalArgumentException when a series has not one value per category
     */
    public static String stackedBars(Texts texts, List<String> categories, List<Series> series) {
        for (Series s : series) {
            if (s.values().size() != categories.size()) {
                throw new IllegalArgumentException("series '" + s.name() + "' must have one value per category");
            }
        }
        long[] totals = new long[categories.size()];
        for (Series s : series) {
            for (int i = 0; i < totals.length; i++) {
                totals[i] += s.values().get(i);
            }
        }
        long max = 0;
        for (long total : totals) {
            max = Math.max(max, total);
        }
        if (max == 0) {
            return noData(texts);
        }
        int legendRows = (series.size() + legendPerRow() - 1) / legendPerRow();
        int base = PAD + PLOT_HEIGHT;
        int height = base + 24 + legendRows * LEGEND_ROW + PAD;
        double left = AXIS_ROOM;
        double slot = (WIDTH - PAD - left) / categories.size();
        double barWidth = Math.max(1, slot * 0.7);
        StringBuilder svg = open(texts, height);
        line(svg, left, PAD, WIDTH - PAD, PAD, "4 4");
        line(svg, left, base, WIDTH - PAD, base, null);
        text(svg, left - 6, PAD + 4, "end", Long.toString(max));
        text(svg, left - 6, base + 4, "end", "0");
        int every = (categories.size() + MAX_CATEGORY_LABELS - 1) / MAX_CATEGORY_LABELS;
        for (int i = 0; i < categories.size(); i++) {
            double x = left + i * slot + (slot - barWidth) / 2;
            double y = base;
            for (int s = 0; s < series.size(); s++) {
                long value = series.get(s).values().get(i);
                if (value == 0) {
                    continue;
                }
                double h = (double) PLOT_HEIGHT * value / max;
                y -= h;
                svg.append("<rect class=\"bar\" x=\"")
                        .append(number(x))
                        .append("\" y=\"")
                        .append(number(y))
                        .append("\" width=\"")
                        .append(number(barWidth))
                        .append("\" height=\"")
                        .append(number(h))
                        .append("\" fill=\"")
                        .append(colour(s))
                        .append("\"><title>")
                        .append(escape(categories.get(i) + ", " + series.get(s).name() + ": " + value))
                        .append("</title></rect>");
            }
            if (i % every == 0) {
                text(svg, left + i * slot + slot / 2, base + 16, "middle", categories.get(i));
            }
        }
        for (int s = 0; s < series.size(); s++) {
            double x = PAD + (s % legendPerRow()) * LEGEND_ITEM;
            double y = base + 28 + (s / legendPerRow()) * LEGEND_ROW;
            svg.append("<rect class=\"swatch\" x=\"")
                    .append(number(x))
                    .append("\" y=\"")
                    .append(number(y))
                    .append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(colour(s))
                    .append("\"/>");
            text(svg, x + 18, y + 11, "start", series.get(s).name());
        }
        return svg.append("</svg>").toString();
    }

    /** The colour of the {@code index}th series (the palette repeats after {@code PALETTE.size()}). */
    static String colour(int index) {
        return PALETTE.get(index % PALETTE.size());
    }

    /**
     * {@code value} for XML text and attribute values: {@code & < > " '} as references, and a
     * character XML 1.0 cannot hold (a control character, a lone surrogate, U+FFFE, U+FFFF) as U+FFFD.
     */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        value.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    boolean allowed = c == '\t'
                            || c == '\n'
                            || c == '\r'
                            || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD)
                            || (c >= 0x10000 && c <= 0x10FFFF);
                    out.appendCodePoint(allowed ? c : 0xFFFD);
                }
            }
        });
        return out.toString();
    }

    private static int legendPerRow() {
        return (WIDTH - 2 * PAD) / LEGEND_ITEM;
    }

    private static String noData(Texts texts) {
        int height = 80;
        return open(texts, height)
                .append("<text class=\"no-data\" x=\"")
                .append(WIDTH / 2)
                .append("\" y=\"")
                .append(height / 2 + 5)
                .append("\" text-anchor=\"middle\" fill=\"")
                .append(TEXT)
                .append("\">")
                .append(escape(texts.noData()))
                .append("</text></svg>")
                .toString();
    }

    private static StringBuilder open(Texts texts, int height) {
        return new StringBuilder(4096)
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"12\"><title>")
                .append(escape(texts.title()))
                .append("</title><desc>")
                .append(escape(texts.description()))
                .append("</desc>");
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, String value) {
        svg.append("<text x=\"")
                .append(number(x))
                .append("\" y=\"")
                .append(number(y))
                .append("\" text-anchor=\"")
                .append(anchor)
                .append("\" fill=\"")
                .append(TEXT)
                .append("\">")
                .append(escape(value))
                .append("</text>");
    }

    private static void line(StringBuilder svg, double x1, double y1, double x2, double y2, String dashes) {
        svg.append("<line x1=\"")
                .append(number(x1))
                .append("\" y1=\"")
                .append(number(y1))
                .append("\" x2=\"")
                .append(number(x2))
                .append("\" y2=\"")
                .append(number(y2))
                .append("\" stroke=\"")
                .append(AXIS)
                .append('"');
        if (dashes != null) {
            svg.append(" stroke-dasharray=\"").append(dashes).append('"');
        }
        svg.append("/>");
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
