package org.opensspr;

import java.util.HashMap;
import java.util.Map;

/**
 * One scrape of {@code /actuator/prometheus}, read as Prometheus reads it: a sample is a metric name,
 * its labels and a value. Tests read a value before and after what they do, because the shared
 * context's counters also hold what earlier tests counted.
 */
public record PrometheusText(String text) {

    /** The sum of {@code name}'s samples whose labels include all of {@code labels}; 0 when there is none. */
    public double value(String name, Map<String, String> labels) {
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(name)) {
                continue;
            }
            Sample sample = Sample.parse(line);
            if (sample.name().equals(name) && sample.labels().entrySet().containsAll(labels.entrySet())) {
                sum += sample.value();
            }
        }
        return sum;
    }

    /** Whether {@code name} has a sample at all (a gauge may be NaN). */
    public boolean has(String name) {
        return text.lines()
                .filter(l -> !l.startsWith("#"))
                .map(Sample::parse)
                .anyMatch(s -> s.name().equals(name));
    }

    /** The single sample of {@code name} (a gauge without labels). */
    public double value(String name) {
        return text.lines()
                .filter(l -> !l.startsWith("#"))
                .map(Sample::parse)
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no sample " + name + " in\n" + text))
                .value();
    }

    private record Sample(String name, Map<String, String> labels, double value) {
        static Sample parse(String line) {
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            Map<String, String> labels = new HashMap<>();
            String name;
            if (brace >= 0 && brace < space) {
                name = line.substring(0, brace);
                String inside = line.substring(brace + 1, line.lastIndexOf('}'));
                for (String pair : inside.split(",")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        labels.put(
                                pair.substring(0, eq).strip(),
                                pair.substring(eq + 1).strip().replace("\"", ""));
                    }
                }
            } else {
                name = line.substring(0, space);
            }
            return new Sample(
                    name, labels, Double.parseDouble(line.substring(space + 1).strip()));
        }
    }
}
