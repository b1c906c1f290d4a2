package io.hardformer.cli.tile;

import java.io.PrintStream;

/**
 * A text progress bar on stderr, one line per step: {@code [######------] 3/6 building attention
 * model (12 s)}. Whole lines, so the model builds announced between steps (on stderr too) never
 * land in the middle of a redrawn bar, on a terminal or in a log.
 */
public final class ProgressBar {
  private static final int WIDTH = 24;
  private final PrintStream out;
  private final int total;
  private final long start = System.nanoTime();
  private int done;

  public ProgressBar(PrintStream out, int total) {
    this.out = out;
    this.total = total;
  }

  /** Starts the next step (the previous one is done). */
  public void step(String label) {
    draw(label);
    done++;
  }

  public void finish(String label) {
    done = total;
    draw(label);
  }

  private void draw(String label) {
    int filled = total == 0 ? WIDTH : WIDTH * done / total;
    String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
    out.println(
        String.format(
            "[%s] %d/%d %s (%d s)",
            bar, done, total, label, (System.nanoTime() - start) / 1_000_000_000L));
    out.flush();
  }
}
