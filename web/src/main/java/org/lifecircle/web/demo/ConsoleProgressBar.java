package org.lifecircle.web.demo;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;
import org.lifecircle.datasets.ProgressListener;

/**
 * A one-line progress bar on a terminal ({@code [#########.........]  45%  population cells}); on a
 * stream that is not a terminal (a log, CI) it prints one line per stage and per tenth, with the
 * seconds since start, instead of redrawing.
 */
public final class ConsoleProgressBar implements ProgressListener {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean redraw;
    private final long startNanos = System.nanoTime();
    private String stage = "";
    private int lastPercent = -1;

    public ConsoleProgressBar(PrintStream out, boolean redraw) {
        this.out = out;
        this.redraw = redraw;
    }

    @Override
    public synchronized void progress(String stage, long done, long total) {
        int percent = total <= 0 ? 100 : (int) Math.min(100, done * 100 / total);
        boolean newStage = !Objects.equals(stage, this.stage);
        if (!newStage && percent == lastPercent) {
            return;
        }
        if (redraw) {
            int filled = percent * WIDTH / 100;
            out.printf("\r[%s%s] %3d%%  %-40s", "#".repeat(filled), ".".repeat(WIDTH - filled), percent, stage);
            if (percent == 100) {
                out.println();
            }
        } else if (newStage || percent / 10 != lastPercent / 10) {
            out.printf(Locale.ROOT, "%3d%%  %-28s %7.1f s%n", percent, stage, (System.nanoTime() - startNanos) / 1e9);
        }
        out.flush();
        this.stage = stage;
        lastPercent = percent;
    }
}
