package org.opensspr.branding;

import java.util.Locale;

/**
 * WCAG 2.x contrast between two sRGB colours ({@code #rrggbb}): (L1 + 0.05) / (L2 + 0.05) of their
 * relative luminances, from 1 (none) to 21 (black on white). Level AA asks 4.5 for normal text.
 */
final class Contrast {

    /** WCAG AA for normal text: white text on a primary button, a link colour on a white page. */
    static final double AA = 4.5;

    private Contrast() {}

    static double ratio(String colour, String other) {
        double a = luminance(colour);
        double b = luminance(other);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    /** The ratio as WCAG states it, rounded down to two decimals: "3.99:1". */
    static String shown(double ratio) {
        return String.format(Locale.ROOT, "%.2f:1", Math.floor(ratio * 100) / 100);
    }

    static double luminance(String colour) {
        int rgb = Integer.parseInt(colour.substring(1), 16);
        return 0.2126 * channel(rgb >> 16 & 0xff) + 0.7152 * channel(rgb >> 8 & 0xff) + 0.0722 * channel(rgb & 0xff);
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
