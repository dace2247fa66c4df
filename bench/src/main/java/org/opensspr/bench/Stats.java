package org.opensspr.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one phase at one concurrency recorded: the latency of each step and of the whole
 * operation, successes, and errors by kind ({@code <step>:http-503}, {@code <step>:timeout},
 * {@code <step>:connect-refused}, ...). An operation counts towards the rate only if it finished
 * inside the measured window; late ones still count in the latencies and the errors.
 */
final class Stats {

    private final long windowEndNanos;
    private final List<String> stepOrder;
    private final Map<String, Latency> steps = new ConcurrentHashMap<>();
    private final Latency whole = new Latency();
    private final LongAdder ok = new LongAdder();
    private final LongAdder okInWindow = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    /** @param stepOrder the steps in the order to print them; others are printed after them by name */
    Stats(long windowEndNanos, List<String> stepOrder) {
        this.windowEndNanos = windowEndNanos;
        this.stepOrder = List.copyOf(stepOrder);
    }

    void step(String name, long nanos) {
        steps.computeIfAbsent(name, n -> new Latency()).recordNanos(nanos);
    }

    void success(long startNanos, long endNanos) {
        whole.recordNanos(endNanos - startNanos);
        ok.increment();
        if (endNanos <= windowEndNanos) {
            okInWindow.increment();
        }
    }

    void error(String kind) {
        errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    long ok() {
        return ok.sum();
    }

    long okInWindow() {
        return okInWindow.sum();
    }

    long errorCount() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Errors by kind, most frequent first. */
    Map<String, Long> errors() {
        Map<String, Long> sorted = new LinkedHashMap<>();
        errors.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue().sum()));
        return sorted;
    }

    Latency whole() {
        return whole;
    }

    /** The steps that recorded something, in print order. */
    Map<String, Latency> steps() {
        Map<String, Latency> ordered = new LinkedHashMap<>();
        for (String name : stepOrder) {
            Latency latency = steps.get(name);
            if (latency != null) {
                ordered.put(name, latency);
            }
        }
        new TreeMap<>(steps).forEach(ordered::putIfAbsent);
        return ordered;
    }

    /** "3 start:http-500, 1 mail:timeout" (at most {@code limit} kinds), or "-". */
    String errorSummary(int limit) {
        List<String> parts = new ArrayList<>();
        errors().entrySet().stream().limit(limit).forEach(e -> parts.add(e.getValue() + " " + e.getKey()));
        if (errors.size() > limit) {
            parts.add("...");
        }
        return parts.isEmpty() ? "-" : String.join(", ", parts);
    }
}
