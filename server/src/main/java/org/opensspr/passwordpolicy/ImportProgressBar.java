package org.opensspr.passwordpolicy;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Draws the progress of {@code import-breached}: on a terminal one bar redrawn with {@code \r}
 * at most ten times a second; otherwise (a log, a pipe) a plain line at every 10 %.
 */
final class ImportProgressBar implements PwnedPasswordsImporter.Progress {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream err;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private final long started;
    private long lastDrawn = Long.MIN_VALUE;
    private int nextStep;
    private boolean finished;

    ImportProgressBar(PrintStream err, boolean terminal, LongSupplier nanoTime) {
        this.err = err;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
        this.started = nanoTime.getAsLong();
    }

    @Override
    public void update(long bytesRead, long totalBytes) {
        if (finished) {
            return;
        }
        long now = nanoTime.getAsLong();
        double fraction = totalBytes == 0 ? 1 : Math.min(1, (double) bytesRead / totalBytes);
        boolean done = bytesRead >= totalBytes;
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        double bytesPerSecond = bytesRead / seconds;
        String eta = bytesRead == 0 ? "--:--:--" : clock((totalBytes - bytesRead) / bytesPerSecond);
        String figures = String.format(
                Locale.ROOT,
                "%5.1f%%  %8.1f MB/s  ETA %s  (%,.1f of %,.1f MB)",
                fraction * 100,
                bytesPerSecond / 1e6,
                eta,
                bytesRead / 1e6,
                totalBytes / 1e6);
        if (terminal) {
            if (done || now - lastDrawn >= REDRAW_NANOS) {
                int filled = (int) Math.round(fraction * WIDTH);
                err.print(
                        "\r[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + figures + (done ? "\n" : ""));
                err.flush();
                lastDrawn = now;
            }
        } else if (done || fraction * 10 >= nextStep) {
            err.println("import-breached: " + figures.trim());
            nextStep = (int) Math.floor(fraction * 10) + 1;
        }
        finished = done;
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
